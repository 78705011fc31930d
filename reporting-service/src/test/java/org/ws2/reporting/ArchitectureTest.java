package org.ws2.reporting;

import org.ws2.testsupport.architecture.ServiceArchitectureTest;

/** This service keeps the architecture every WS2 service keeps. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.ws2.reporting");
    }
}
