package io.parley.catalog;

import java.util.Objects;

/**
 * A node's broker endpoint, the one network listener of a node (R-PROTO-1), with its forwarding
 * settings (R-FWD-2). A node without one exchanges no network traffic. {@code listenerIp} null
 * means all interfaces. {@code messageForwardSizeMb} caps the forwarding buffer in MiB (R-FWD-7).
 */
public record BrokerEndpoint(
        String name,
        EndpointState state,
        int listenerPort,
        String listenerIp,
        boolean messageForwarding,
        int messageForwardSizeMb) {

    /** The lowest and highest LISTENER_PORT Service Broker accepts. */
    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 32767;
    /** MESSAGE_FORWARD_SIZE when none is given (decision §10-17). */
    public static final int DEFAULT_FORWARD_SIZE_MB = 10;

    public BrokerEndpoint {
        Names.require(name, "endpoint", Names.MAX_SYSNAME_LENGTH);
        Objects.requireNonNull(state, "state");
        if (listenerPort < MIN_PORT || listenerPort > MAX_PORT) {
            throw new CatalogException("LISTENER_PORT " + listenerPort + " of endpoint '" + name
                    + "' is outside " + MIN_PORT + ".." + MAX_PORT);
        }
        if (messageForwardSizeMb < 1) {
            throw new CatalogException("MESSAGE_FORWARD_SIZE " + messageForwardSizeMb + " of endpoint '" + name
                    + "' must be at least 1 (MB)");
        }
    }
}
