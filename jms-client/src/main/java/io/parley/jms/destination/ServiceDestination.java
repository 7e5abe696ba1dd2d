package io.parley.jms.destination;

import java.util.Objects;

/**
 * A Service Broker service as a JMS queue: sending to it sends on a dialog to the service, consuming from it receives
 * the messages that arrive for the service in its queue. The name is the service name, compared byte-exactly as
 * Service Broker compares it; whether the service exists is checked when the destination is used.
 */
public record ServiceDestination(String name) implements ParleyDestination {
    public ServiceDestination {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "service '" + name + "'";
    }
}
