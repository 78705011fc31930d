package org.ws2.groups.assignment;

import java.util.List;

/** One page of a filtered list, with the total so that a client can page through all of it. */
public record AssignmentPage(List<Assignment> items, int page, int size, long total) {
}
