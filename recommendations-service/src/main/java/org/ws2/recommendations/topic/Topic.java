package org.ws2.recommendations.topic;

/** One of the eight WS2 topics; its prefix starts the id of each of its recommendations. */
public record Topic(String prefix, String name, String notes) {
}
