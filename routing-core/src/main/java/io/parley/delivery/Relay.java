package io.parley.delivery;

import io.parley.routing.RouteDecision;
import io.parley.transport.Link;
import io.parley.transport.MessageFrame;

/**
 * Where a node hands a message that arrived from another node and that its node-level routes send
 * on to a next hop (R-FWD-3): the seam for the forwarder. A relay never acknowledges what it
 * relays and never answers its sender (R-FWD-5, R-FWD-14); the sender's own retries cover
 * whatever it loses. Until Parley forwards, {@link #DROP} is the only relay: it logs and drops.
 */
@FunctionalInterface
public interface Relay {

    /** Drops every message it is given, logging each at INFO: this node does not forward yet. */
    Relay DROP = (from, message, decision) -> System.getLogger(Relay.class.getName()).log(System.Logger.Level.INFO,
            () -> "PRL-3105 " + Reception.describe(message) + " from " + from + " dropped: it is for " + decision.address()
                    + " by route '" + decision.route().name() + "', and this node does not forward messages yet");

    /**
     * Takes {@code message}, which came on {@code from}, toward {@code decision.address()}. Called on
     * a delivery thread, never on an I/O thread; must not block for long.
     */
    void relay(Link from, MessageFrame message, RouteDecision.SendToNextHop decision);
}
