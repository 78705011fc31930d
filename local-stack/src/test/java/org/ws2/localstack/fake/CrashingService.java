package org.ws2.localstack.fake;

/** Stands in for a service jar that fails at start, as a service with a broken configuration would. */
public final class CrashingService {

    public static void main(String[] args) {
        System.out.println("APPLICATION FAILED TO START: fake failure for the launcher test");
        System.exit(1);
    }
}
