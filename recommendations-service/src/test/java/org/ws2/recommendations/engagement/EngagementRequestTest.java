package org.ws2.recommendations.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;
import org.ws2.recommendations.engagement.EngagementRequest.LinkRequest;
import org.ws2.service.problem.ApiProblem;

class EngagementRequestTest {

    private static final Pattern URL = Pattern.compile(EngagementRequest.URL_PATTERN, Pattern.CASE_INSENSITIVE);

    @Test
    void contentIsNormalised() {
        EngagementRequest request = new EngagementRequest(Kind.MEETING, "  WS2-IT Meeting ",
                LocalDate.of(2021, 5, 7), "   ", List.of(new LinkRequest(" Materials ", " https://example.org/a ")),
                List.of("1.1", " 1.7", "1.1"), " ICANN71 ", List.of(" ALAC", "GAC"));

        EngagementContent content = request.content();

        assertThat(content.title()).isEqualTo("WS2-IT Meeting");
        assertThat(content.description()).isNull();
        assertThat(content.links()).containsExactly(new Link("Materials", "https://example.org/a"));
        assertThat(content.recommendationIds()).containsExactly("1.1", "1.7");
        assertThat(content.meeting()).isEqualTo("ICANN71");
        assertThat(content.groupIds()).containsExactly("ALAC", "GAC");
    }

    @Test
    void absentListsAreEmpty() {
        EngagementContent content = new EngagementRequest(Kind.OTHER, "x", LocalDate.of(2021, 1, 1), " note ",
                null, null, "  ", null).content();

        assertThat(content.links()).isEmpty();
        assertThat(content.recommendationIds()).isEmpty();
        assertThat(content.meeting()).isNull();
        assertThat(content.groupIds()).isEmpty();
        assertThat(content.description()).isEqualTo("note");
    }

    @Test
    void anImplausibleDateIsRefusedNamingTheField() {
        EngagementRequest request = new EngagementRequest(Kind.OTHER, "x", LocalDate.of(1815, 6, 18), null, null,
                null, null, null);

        assertThatThrownBy(request::content).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getBody().getProperties()).containsEntry("field", "heldOn"));
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAreLinks() {
        assertThat(List.of("https://community.icann.org/pages/viewpage.action?pageId=164627115",
                "https://community.icann.org/display/IO/Webinars", "HTTP://example.org", "http://example.org:8080/#x",
                "https://example.org?q=1")).allMatch(url -> URL.matcher(url).matches());
        assertThat(List.of("ftp://example.org", "javascript:alert(1)", "https://", "https:///path",
                "//example.org", "https://exa mple.org", "https://example.org/\u0000", "mailto:a@example.org",
                "example.org")).noneMatch(url -> URL.matcher(url).matches());
    }

    @Test
    void aRepeatedGroupIsRefusedNamingTheField() {
        EngagementRequest request = new EngagementRequest(Kind.MEETING, "x", LocalDate.of(2021, 6, 15), null, null,
                null, "ICANN71", List.of("ALAC", " ALAC"));

        assertThatThrownBy(request::content).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getBody().getProperties()).containsEntry("field", "groupIds"));
    }

    @Test
    void icannPublicMeetingsAreIcannAndTheirNumber() {
        Pattern meeting = Pattern.compile(EngagementRequest.MEETING_PATTERN);
        assertThat(List.of("ICANN71", " ICANN1 ", "ICANN100", "")).allMatch(m -> meeting.matcher(m).matches());
        assertThat(List.of("ICANN 71", "icann71", "ICANN", "ICANN071", "ICANN71a", "71", "The Hague"))
                .noneMatch(m -> meeting.matcher(m).matches());
    }

    @Test
    void changedFieldsNameWhatDiffers() {
        EngagementContent before = new EngagementContent(Kind.MEETING, "A", LocalDate.of(2021, 5, 7), null,
                List.of(new Link("x", "https://example.org")), List.of("1.1"), null, List.of());

        assertThat(before.changedFields(before)).isEmpty();
        assertThat(before.changedFields(new EngagementContent(Kind.MEETING, "A", LocalDate.of(2021, 5, 7), null,
                List.of(new Link("x", "https://example.org")), List.of("1.1"), "ICANN71", List.of("GAC"))))
                .containsExactly("meeting", "groupIds");
        assertThat(before.changedFields(new EngagementContent(Kind.WEBINAR, "A", LocalDate.of(2021, 5, 7), "d",
                List.of(), List.of("1.1", "1.2"), null, List.of()))).containsExactly("kind", "description", "links",
                        "recommendationIds");
        assertThat(before.changedFields(new EngagementContent(Kind.MEETING, "B", LocalDate.of(2021, 5, 8), null,
                List.of(new Link("x", "https://example.org")), List.of("1.1"), null, List.of())))
                .containsExactly("title", "heldOn");
    }

    @Test
    void seededItemsHaveFixedIds() {
        assertThat(EngagementSeed.idOf("2021-05-07-ws2-it-meeting"))
                .isEqualTo(EngagementSeed.idOf("2021-05-07-ws2-it-meeting"))
                .isNotEqualTo(EngagementSeed.idOf("2021-05-25-icann-webinar-ws2-implementation"));
        assertThat(EngagementSeed.idOf("2021-05-07-ws2-it-meeting").version()).isEqualTo(3);
    }
}
