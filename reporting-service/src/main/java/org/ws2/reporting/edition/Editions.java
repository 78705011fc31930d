package org.ws2.reporting.edition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.report.ReportEvents.EditionPublished;
import org.ws2.reporting.recommendation.RecommendationReadModel;
import org.ws2.reporting.report.Quarter;
import org.ws2.reporting.report.QuarterlyReports;
import org.ws2.service.changes.ChangeLog;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.versioning.ChangeTime;
import org.ws2.service.versioning.Versions;

import tools.jackson.databind.json.JsonMapper;

/**
 * The editions and their lifecycle, one edition per programme and quarter (WS2's and another review's of one
 * quarter are independent: their own lifecycle, versions and revisions). Every change locks the edition's row, checks the version the caller read,
 * moves the version on and records who did it, in one transaction; publishing renders every format once and
 * stores it with the revision, and its event goes through the change log's outbox in the same transaction.
 */
@Component
class Editions {

    /** The edition as stored: its lifecycle, the team's sections, the latest published revision (0 if none). */
    record Edition(String programme, String quarter, EditionStatus status, long version, Sections sections, int revision,
            Instant createdAt, Instant updatedAt) {
    }

    record RevisionRef(int revision, Instant publishedAt, String correctionNote) {
    }

    /** Where each format of a published revision is kept (edition_revision). */
    private static final Map<String, String> FROZEN_COLUMNS = Map.of("json", "content", "html", "html",
            "md", "markdown", "pdf", "pdf", "pptx", "pptx");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EditionBuilder builder;
    private final EditionFormats formats;
    private final QuarterlyReports reports;
    private final ChangeLog changeLog;
    private final RecommendationReadModel recommendations;
    private final String publicBaseUrl;

    Editions(JdbcClient jdbc, JsonMapper json, EditionBuilder builder, EditionFormats formats,
            QuarterlyReports reports, ChangeLog changeLog, RecommendationReadModel recommendations,
            @Value("${ws2.reports.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.json = json;
        this.builder = builder;
        this.formats = formats;
        this.reports = reports;
        this.changeLog = changeLog;
        this.recommendations = recommendations;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Where people read the edition: the web page, through the gateway; WS2's as before programmes. */
    String url(String programme, String quarter) {
        return publicBaseUrl + "/reports/" + quarter + programmeQuery(programme);
    }

    /** What a page's URL adds to name the programme: nothing for WS2's, whose pages are as they were. */
    static String programmeQuery(String programme) {
        return Programmes.WS2.equals(programme) ? "" : "?programme=" + programme;
    }

    /**
     * Refuses a programme the reports know nothing of (404 problem): WS2 always, another only once one of its
     * recommendations has been seen, so that a mistyped code cannot create or list an edition of its own.
     */
    void requireKnown(String programme) {
        if (!Programmes.WS2.equals(programme) && !recommendations.knows(programme)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "programme-not-found", "No such programme",
                    "The reports know no recommendation of programme " + programme + ".")
                    .with("programme", programme);
        }
    }

    String publicBaseUrl() {
        return publicBaseUrl;
    }

    Optional<Edition> find(String programme, String quarter) {
        return jdbc.sql("SELECT * FROM edition WHERE programme = :p AND quarter = :q").param("p", programme)
                .param("q", quarter).query(this::edition).optional();
    }

    /** One programme's, newest quarter first; drafts and editions in review only when {@code withUnpublished}. */
    List<Edition> list(String programme, boolean withUnpublished) {
        return jdbc.sql("SELECT * FROM edition WHERE programme = :p AND (revision > 0 OR :all) ORDER BY quarter DESC")
                .param("p", programme).param("all", withUnpublished).query(this::edition).list();
    }

    /**
     * The newest quarter's published edition, if any; its sections are those of its latest revision (a published
     * edition's sections change only by a correction, which publishes them).
     */
    Optional<Edition> latestPublished(String programme) {
        return jdbc.sql("SELECT * FROM edition WHERE programme = :p AND revision > 0 ORDER BY quarter DESC LIMIT 1")
                .param("p", programme).query(this::edition).optional();
    }

    List<RevisionRef> revisions(Edition edition) {
        return jdbc.sql("""
                SELECT revision, published_at, correction_note FROM edition_revision WHERE programme = :p
                AND quarter = :q ORDER BY revision""").param("p", edition.programme()).param("q", edition.quarter())
                .query((rs, n) -> new RevisionRef(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    record Published(String programme, String quarter, int revision, Instant publishedAt, String correctionNote) {
    }

    /**
     * The latest published revisions, newest first: the feed's entries; every programme's, or one's when
     * {@code programme} is not null.
     */
    List<Published> published(String programme, int limit) {
        return jdbc.sql("""
                SELECT programme, quarter, revision, published_at, correction_note FROM edition_revision
                WHERE CAST(:p AS TEXT) IS NULL OR programme = :p
                ORDER BY published_at DESC, quarter DESC, programme LIMIT :limit""").param("p", programme)
                .param("limit", limit)
                .query((rs, n) -> new Published(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /**
     * One format (json, html, md, pdf, pptx) of a published revision, as frozen: text, or bytes for pdf and
     * pptx. Only that column is read: a page read should not fetch the revision's PDF and deck with it.
     */
    Optional<Object> frozen(Edition edition, int revision, String format) {
        String column = FROZEN_COLUMNS.get(format);
        if (column == null) {
            throw new IllegalArgumentException("no such format: " + format);
        }
        return jdbc.sql("SELECT " + column + " FROM edition_revision WHERE programme = :p AND quarter = :q"
                + " AND revision = :r").param("p", edition.programme()).param("q", edition.quarter())
                .param("r", revision).query((rs, n) -> rs.getObject(1)).optional();
    }

    /** A draft built afresh from the read model: the facts as they stand now, the team's sections as saved. */
    EditionContent draft(Edition edition) {
        Quarter q = Quarter.parse(edition.quarter());
        return builder.build(edition.programme(), q, EditionBuilder.factsAsOf(q, ChangeTime.now()),
                edition.sections(), 0, null, null, url(edition.programme(), edition.quarter()));
    }

    /**
     * Writes the team's sections: creates the edition as a draft if the quarter has none (no If-Match needed),
     * else replaces the draft's sections (If-Match required, and only while it is a draft).
     */
    @Transactional
    Edition write(String programme, Quarter quarter, Sections sections, String ifMatch, String actor) {
        Instant now = ChangeTime.now();
        reports.requireReportable(quarter, now);
        Optional<Edition> existing = lock(programme, quarter.toString());
        if (existing.isPresent()) {
            Edition current = existing.get();
            Versions.check(Versions.requireIfMatch(ifMatch), current.version());
            requireStatus(current, EditionStatus.DRAFT);
        }
        sections.validate(builder.groupsWithStageSentences(programme, EditionBuilder.factsAsOf(quarter, now)));
        String text = json.writeValueAsString(sections);
        if (existing.isEmpty()) {
            int inserted = jdbc.sql("""
                    INSERT INTO edition (programme, quarter, status, version, sections, created_at, updated_at)
                    VALUES (:p, :q, 'DRAFT', 1, CAST(:s AS jsonb), :now, :now)
                    ON CONFLICT (programme, quarter) DO NOTHING""")
                    .param("p", programme).param("q", quarter.toString()).param("s", text)
                    .param("now", Timestamp.from(now)).update();
            if (inserted == 0) {
                // another writer created it meanwhile: this writer read no version of it
                throw ApiProblem.staleVersion(0, 1);
            }
            audit(programme, quarter.toString(), 1, "drafted", actor, null, now);
        } else {
            long version = existing.get().version() + 1;
            jdbc.sql("""
                    UPDATE edition SET sections = CAST(:s AS jsonb), version = :v, updated_at = :now
                    WHERE programme = :p AND quarter = :q""")
                    .param("p", programme).param("q", quarter.toString()).param("s", text).param("v", version)
                    .param("now", Timestamp.from(now)).update();
            audit(programme, quarter.toString(), version, "sections-written", actor, null, now);
        }
        return find(programme, quarter.toString()).orElseThrow();
    }

    @Transactional
    Edition sendToReview(String programme, Quarter quarter, String ifMatch, String actor) {
        return move(programme, quarter, ifMatch, EditionStatus.DRAFT, EditionStatus.IN_REVIEW, "sent-to-review", actor);
    }

    @Transactional
    Edition returnToDraft(String programme, Quarter quarter, String ifMatch, String actor) {
        return move(programme, quarter, ifMatch, EditionStatus.IN_REVIEW, EditionStatus.DRAFT, "returned-to-draft", actor);
    }

    /** Publishes revision 1: the facts as of the quarter's end and every format, frozen, and the event. */
    @Transactional
    Edition publish(String programme, Quarter quarter, String ifMatch, String actor) {
        Edition current = existing(programme, quarter, ifMatch);
        if (current.status() == EditionStatus.PUBLISHED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "edition-already-published", "Edition already published",
                    quarter + " was published (revision " + current.revision() + "); to change it, publish a "
                            + "correction (POST /api/reports/editions/" + quarter + "/corrections"
                            + programmeQuery(programme) + ").")
                    .with("quarter", quarter.toString()).with("revision", current.revision());
        }
        requireStatus(current, EditionStatus.IN_REVIEW);
        return freeze(current, quarter, current.sections(), null, "published", actor);
    }

    /**
     * Publishes the next revision of a published edition, with a dated note saying what it corrects. Its facts are
     * taken afresh as of the quarter's end, so that history corrected since (back-dated changes) is in it; the
     * sections are those given, or the published ones. Older revisions stay as they were.
     */
    @Transactional
    Edition correct(String programme, Quarter quarter, String ifMatch, String note, Sections sections,
            String actor) {
        if (note == null || note.isBlank()) {
            throw ApiProblem.invalidInput("note", "must say what the correction corrects");
        }
        if (note.length() > Sections.MAX_TEXT) {
            throw ApiProblem.invalidInput("note", "must be at most " + Sections.MAX_TEXT + " characters");
        }
        Edition current = existing(programme, quarter, ifMatch);
        if (current.status() != EditionStatus.PUBLISHED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "edition-not-published", "Edition not published",
                    quarter + " is " + current.status() + "; only a published edition takes corrections.")
                    .with("quarter", quarter.toString()).with("status", current.status().name());
        }
        Sections corrected = sections == null ? current.sections() : sections;
        if (sections != null) {
            sections.validate(builder.groupsWithStageSentences(programme,
                    EditionBuilder.factsAsOf(quarter, ChangeTime.now())));
        }
        return freeze(current, quarter, corrected, note.strip(), "corrected", actor);
    }

    private Edition freeze(Edition current, Quarter quarter, Sections sections, String note, String kind,
            String actor) {
        Instant now = ChangeTime.now();
        int revision = current.revision() + 1;
        long version = current.version() + 1;
        String programme = current.programme();
        String url = url(programme, quarter.toString());
        EditionContent content = builder.build(programme, quarter, EditionBuilder.factsAsOf(quarter, now), sections,
                revision, now, note, url);
        String html = formats.html(content);
        jdbc.sql("""
                INSERT INTO edition_revision (programme, quarter, revision, published_at, published_by,
                    correction_note, content, html, markdown, pdf, pptx)
                VALUES (:p, :q, :r, :at, :by, :note, :content, :html, :md, :pdf, :pptx)""")
                .param("p", programme).param("q", quarter.toString()).param("r", revision).param("at", Timestamp.from(now))
                .param("by", actor).param("note", note).param("content", formats.json(content))
                .param("html", html).param("md", formats.markdown(content))
                .param("pdf", formats.pdf(html)).param("pptx", formats.pptx(content)).update();
        jdbc.sql("""
                UPDATE edition SET status = 'PUBLISHED', revision = :r, version = :v, sections = CAST(:s AS jsonb),
                    updated_at = :now WHERE programme = :p AND quarter = :q""")
                .param("p", programme).param("q", quarter.toString()).param("r", revision).param("v", version)
                .param("s", json.writeValueAsString(sections)).param("now", Timestamp.from(now)).update();
        audit(programme, quarter.toString(), version, kind, actor, note, now);
        changeLog.record(new EditionPublished(quarter.toString(), quarter.label(), revision, version, url, now, note,
                programme), kind, actor, note);
        return find(programme, quarter.toString()).orElseThrow();
    }

    private Edition move(String programme, Quarter quarter, String ifMatch, EditionStatus from, EditionStatus to,
            String kind, String actor) {
        Edition current = existing(programme, quarter, ifMatch);
        requireStatus(current, from);
        Instant now = ChangeTime.now();
        long version = current.version() + 1;
        jdbc.sql("""
                UPDATE edition SET status = :s, version = :v, updated_at = :now
                WHERE programme = :p AND quarter = :q""")
                .param("p", programme).param("q", quarter.toString()).param("s", to.name()).param("v", version)
                .param("now", Timestamp.from(now)).update();
        audit(programme, quarter.toString(), version, kind, actor, null, now);
        return find(programme, quarter.toString()).orElseThrow();
    }

    /** The edition locked for a change, checked against If-Match when the caller sent one. */
    private Edition existing(String programme, Quarter quarter, String ifMatch) {
        Edition current = lock(programme, quarter.toString())
                .orElseThrow(() -> ApiProblem.notFound("edition", editionName(programme, quarter.toString())));
        Versions.check(Versions.fromIfMatch(ifMatch), current.version());
        return current;
    }

    private static void requireStatus(Edition edition, EditionStatus wanted) {
        if (edition.status() != wanted) {
            String hint = switch (edition.status()) {
                case PUBLISHED -> "a published revision is frozen; publish a correction instead.";
                case IN_REVIEW -> "send it back to draft first (POST .../draft).";
                case DRAFT -> "send it for review first (POST .../review).";
            };
            throw new ApiProblem(HttpStatus.CONFLICT, "edition-wrong-status", "Edition is " + edition.status(),
                    "The " + (Programmes.WS2.equals(edition.programme()) ? "" : edition.programme() + " ")
                            + edition.quarter() + " edition is " + edition.status() + ", not " + wanted + ": " + hint)
                    .with("quarter", edition.quarter()).with("status", edition.status().name());
        }
    }

    /** How a problem names an edition: its quarter for WS2's, as before programmes; else programme and quarter. */
    static String editionName(String programme, String quarter) {
        return Programmes.id(programme, quarter);
    }

    private Optional<Edition> lock(String programme, String quarter) {
        return jdbc.sql("SELECT * FROM edition WHERE programme = :p AND quarter = :q FOR UPDATE")
                .param("p", programme).param("q", quarter).query(this::edition).optional();
    }

    private void audit(String programme, String quarter, long version, String kind, String actor, String note,
            Instant at) {
        jdbc.sql("""
                INSERT INTO edition_change (programme, quarter, version, kind, actor, note, recorded_at)
                VALUES (:p, :q, :v, :kind, :actor, :note, :at)""")
                .param("p", programme).param("q", quarter).param("v", version).param("kind", kind).param("actor", actor)
                .param("note", note).param("at", Timestamp.from(at)).update();
    }

    private Edition edition(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Edition(rs.getString("programme"), rs.getString("quarter"),
                EditionStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), json.readValue(rs.getString("sections"), Sections.class), rs.getInt("revision"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
