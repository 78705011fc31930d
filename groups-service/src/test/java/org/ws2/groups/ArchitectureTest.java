package org.ws2.groups;

import org.ws2.testsupport.architecture.ServiceArchitectureTestBase;

/** This service keeps the architecture every WS2 service keeps. */
class ArchitectureTest extends ServiceArchitectureTestBase {

    ArchitectureTest() {
        super("org.ws2.groups");
    }
}
