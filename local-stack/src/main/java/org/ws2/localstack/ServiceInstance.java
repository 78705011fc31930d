package org.ws2.localstack;

/** One running copy of a service: the first has the service's name and port, replica n is {@code <name>-n}. */
public record ServiceInstance(Service service, int number) {

    public String name() {
        return number == 1 ? service.name() : service.name() + "-" + number;
    }

    public int basePort() {
        return service.basePort() + Ports.REPLICA_STEP * (number - 1);
    }
}
