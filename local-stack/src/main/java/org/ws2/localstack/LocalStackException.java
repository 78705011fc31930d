package org.ws2.localstack;

/** A failure the user can act on; the command line prints its message without a stack trace. */
public final class LocalStackException extends RuntimeException {

    LocalStackException(String message) {
        super(message);
    }

    LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
