package io.parley.catalog.ddl;

import io.parley.catalog.EndpointState;
import java.util.Optional;

/**
 * CREATE, ALTER and DROP ENDPOINT: the node's broker endpoint (R-PROTO-1) and its forwarding
 * settings (R-FWD-2). These statements apply only to a node's own store. Settings left out of
 * ALTER keep their current values; an {@code AS TCP ( … )} clause replaces the whole listener.
 */
public sealed interface EndpointStatement extends DdlStatement {

    /** {@code CREATE ENDPOINT name [STATE = s] AS TCP ( … ) FOR SERVICE_BROKER [( … )]}; it always has a listener. */
    record Create(SourcePosition position, String name, Settings settings) implements EndpointStatement {
        public Create {
            if (settings.listener().isEmpty()) {
                throw new IllegalArgumentException("CREATE ENDPOINT " + name + " needs AS TCP (LISTENER_PORT = …)");
            }
        }
    }

    /** {@code ALTER ENDPOINT name [STATE = s] [AS TCP ( … )] [FOR SERVICE_BROKER ( … )]}. */
    record Alter(SourcePosition position, String name, Settings settings) implements EndpointStatement {
    }

    /** {@code DROP ENDPOINT name}. */
    record Drop(SourcePosition position, String name) implements EndpointStatement {
    }

    /** The settings as written: STATE, the TCP listener, MESSAGE_FORWARDING and MESSAGE_FORWARD_SIZE (MB). */
    record Settings(
            Optional<EndpointState> state,
            Optional<Listener> listener,
            Optional<Boolean> messageForwarding,
            Optional<Integer> messageForwardSizeMb) {
    }

    /** {@code AS TCP (LISTENER_PORT = port [, LISTENER_IP = ip])}; an empty {@code ip} is {@code ALL}. */
    record Listener(int port, Optional<String> ip) {
    }
}
