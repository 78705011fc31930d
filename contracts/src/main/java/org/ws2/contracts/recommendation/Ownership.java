package org.ws2.contracts.recommendation;

/**
 * Who owns a recommendation's implementation. ICANN reports the org and community portfolios
 * separately; a co-owned recommendation counts in both.
 */
public enum Ownership {
    ORG,
    COMMUNITY,
    CO_OWNED;

    public boolean inOrgPortfolio() {
        return this != COMMUNITY;
    }

    public boolean inCommunityPortfolio() {
        return this != ORG;
    }
}
