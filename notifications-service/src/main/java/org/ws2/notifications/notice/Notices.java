package org.ws2.notifications.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The stored notices and who has read them. */
@Repository
@RequiredArgsConstructor
public class Notices {

    private static final String COLUMNS = """
            n.id, n.kind, n.subject, n.message, n.link, n.recommendation_id, n.group_id, n.actor, n.occurred_at,
            n.created_at, (r.person IS NOT NULL) AS read""";

    /** The notices of an audience that are not withheld from the person reading ({@code :person}). */
    private static final String FOR_PERSON = " (n.not_for IS NULL OR n.not_for <> :person) ";

    private final JdbcClient jdbc;

    /** Adds the notice for {@code recipient}; false, changing nothing, if that event already told that recipient. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean add(NewNotice notice, String recipient) {
        return add(notice, recipient, null);
    }

    /**
     * Adds the notice for {@code recipient}, an audience of many, except for one person among them
     * ({@code notFor}, a token's {@code sub}): a comment's author is not told of their own comment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean add(NewNotice notice, String recipient, String notFor) {
        NoticeContent content = notice.content();
        return jdbc.sql("""
                INSERT INTO notice (event_id, audience, kind, subject, message, link, recommendation_id, group_id,
                                    actor, occurred_at, not_for)
                VALUES (:eventId, :recipient, :kind, :subject, :message, :link, :recommendationId, :groupId,
                        :actor, :occurredAt, :notFor)
                ON CONFLICT (event_id, audience) DO NOTHING""")
                .param("eventId", notice.eventId())
                .param("recipient", recipient)
                .param("notFor", notFor)
                .param("kind", content.kind().name())
                .param("subject", content.subject())
                .param("message", content.message())
                .param("link", content.link())
                .param("recommendationId", content.recommendationId())
                .param("groupId", content.groupId())
                .param("actor", content.actor())
                .param("occurredAt", Timestamp.from(content.occurredAt()))
                .update() == 1;
    }

    /** Unread first, then newest first. */
    List<Notice> page(List<String> recipients, String person, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notice n LEFT JOIN notice_read r ON r.notice_id = n.id AND r.person = :person
                WHERE n.audience IN (:recipients) AND""" + FOR_PERSON + """
                ORDER BY (r.person IS NOT NULL), n.created_at DESC, n.id DESC
                LIMIT :limit OFFSET :offset""")
                .param("person", person)
                .param("recipients", recipients)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(Notices::notice)
                .list();
    }

    long count(List<String> recipients, String person) {
        return jdbc.sql("SELECT count(*) FROM notice n WHERE n.audience IN (:recipients) AND" + FOR_PERSON)
                .param("recipients", recipients).param("person", person).query(Long.class).single();
    }

    long unread(List<String> recipients, String person) {
        return jdbc.sql("""
                SELECT count(*) FROM notice n
                WHERE n.audience IN (:recipients) AND""" + FOR_PERSON + """
                  AND NOT EXISTS (SELECT 1 FROM notice_read r WHERE r.notice_id = n.id AND r.person = :person)""")
                .param("recipients", recipients).param("person", person).query(Long.class).single();
    }

    /** False if no notice with that id is addressed to the caller: another person's notice is not theirs to read. */
    @Transactional
    boolean markRead(UUID id, List<String> recipients, String person) {
        boolean visible = jdbc.sql("SELECT count(*) FROM notice n WHERE n.id = :id AND n.audience IN (:recipients) AND"
                + FOR_PERSON).param("id", id).param("recipients", recipients).param("person", person)
                .query(Long.class).single() == 1;
        if (visible) {
            jdbc.sql("INSERT INTO notice_read (notice_id, person) VALUES (:id, :person) ON CONFLICT DO NOTHING")
                    .param("id", id).param("person", person).update();
        }
        return visible;
    }

    @Transactional
    int markAllRead(List<String> recipients, String person) {
        return jdbc.sql("""
                INSERT INTO notice_read (notice_id, person)
                SELECT n.id, :person FROM notice n WHERE n.audience IN (:recipients) AND""" + FOR_PERSON + """
                ON CONFLICT DO NOTHING""")
                .param("recipients", recipients).param("person", person).update();
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getObject("id", UUID.class), new NoticeContent(NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getString("message"), rs.getString("link"),
                rs.getString("recommendation_id"), rs.getString("group_id"), rs.getString("actor"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant()),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("read"));
    }
}
