package org.ws2.contracts;

/** A record that no retry can make readable: a consumer parks it on the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
