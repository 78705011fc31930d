package org.ws2.systemtests.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A journey through the gateway on the {@link SharedStack}: each test gets the running stack and a client of its
 * gateway. Journeys stay independent of each other: each sets up its own data on top of the Q2 update.
 */
@ExtendWith(SharedStack.class)
public abstract class SharedStackJourney {

    protected SystemStack stack;
    protected GatewayClient gateway;

    @BeforeEach
    protected final void joinSharedStack(SystemStack stack, GatewayClient gateway) {
        this.stack = stack;
        this.gateway = gateway;
    }
}
