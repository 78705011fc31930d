package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a filtered list, with the total so that a client can page through all of it, and the
 * link to the next page.
 *
 * @param page  the page number asked for; null for a page read after a cursor
 * @param total how many match in all; null for a page read after a cursor (counting every match again
 *              on each page would cost what keyset paging saves; the first page has it)
 * @param asOf  the past instant the list describes, or null for now
 * @param next  the URL of the page after this one, with the same filters, sort and size, or null on
 *              the last page
 */
public record RecommendationPage(
        List<RecommendationView> items,
        @Schema(description = "The page number asked for; null for a page read after a cursor (after)")
        Integer page,
        int size,
        @Schema(description = "How many match in all; null for a page read after a cursor (the first page has it)")
        Long total,
        Instant asOf,
        @Schema(description = "The URL of the page after this one (same filters, sort and size; a cursor as after), "
                + "or null on the last page. Following it costs one page at any depth.",
                example = "/api/recommendations?sort=id&order=asc&size=50&after=aWR-YXNjfjIuMX4")
        String next) {
}
