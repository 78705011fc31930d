package org.ws2.recommendations.engagement;

import java.util.List;

/** One page of the engagement log, newest first, with the total so that a client can page through it. */
record EngagementPage(List<EngagementView> items, int page, int size, long total) {
}
