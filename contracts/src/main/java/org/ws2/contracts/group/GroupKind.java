package org.ws2.contracts.group;

/**
 * What sort of body a group is. The declaration order is the order lists are shown in: the Board,
 * then the community from Supporting Organizations down to GNSO constituencies and At-Large
 * regional organizations, then cross-community structures, then ICANN org's functions, which is
 * how ICANN's updates present them.
 */
public enum GroupKind {
    BOARD,
    /** Supporting Organization (and the GNSO Council, which manages the GNSO). */
    SO,
    /** Advisory Committee. */
    AC,
    /** GNSO stakeholder group. */
    GNSO_SG,
    /** GNSO constituency, under a stakeholder group. */
    GNSO_C,
    /** At-Large Regional At-Large Organization, under the ALAC. */
    RALO,
    /**
     * A structure whose members represent other groups, e.g. the SO/AC leadership roundtable or a
     * WS2 community coordination group.
     */
    CROSS_COMMUNITY,
    ORG_FUNCTION
}
