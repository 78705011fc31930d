package org.ws2.contracts.recommendation;

/** A body that holds its own share of a recommendation besides its org or community owner. */
public enum SharedOwner {
    BOARD,
    NOMCOM
}
