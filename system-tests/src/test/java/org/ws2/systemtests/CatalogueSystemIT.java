package org.ws2.systemtests;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;
import org.ws2.systemtests.support.SystemStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.Responses.JSON;
import static org.ws2.systemtests.support.Responses.ids;
import static org.ws2.systemtests.support.Responses.json;

/** The reference data through the gateway: the catalogue of recommendations and the groups. */
class CatalogueSystemIT extends SharedStackJourney {

    /** The catalogue's recommendations as {@code recommendations-service} ships them. */
    static List<String> catalogue(String resource) throws IOException {
        return ids(JSON.readTree(Files.readString(SystemStack.REPO.resolve("recommendations-service/src/" + resource))));
    }

    @Test
    void listsEveryRecommendationOfTheCatalogue() throws IOException {
        List<String> expected = catalogue("main/resources/ws2/recommendations.json");
        assertThat(expected).hasSize(84).contains("1.1", "5.11", "6.4.2", "8.1.17", "8.4.8");

        HttpResponse<String> response = gateway.get("/api/recommendations?size=200", null);

        assertThat(response.statusCode()).isEqualTo(200);
        // the only recommendation a journey on the shared stack registers, whether it has run yet or not
        assertThat(ids(json(response))).filteredOn(id -> !id.equals(NewRecommendationJourneySystemIT.REGISTERED))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void listsTheGroups() {
        HttpResponse<String> groups = gateway.get("/api/groups", null);
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(ids(json(groups))).contains("ccNSO", "ALAC", "GAC");

        HttpResponse<String> alac = gateway.get("/api/groups/ALAC", null);
        assertThat(alac.statusCode()).isEqualTo(200);
        assertThat(json(alac).path("id").asString()).isEqualTo("ALAC");
    }
}
