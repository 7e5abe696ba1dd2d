package io.parley.routing;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * What to do with a message after route lookup: {@link DeliverLocally} to a broker of this node,
 * {@link SendToNextHop} over TCP, {@link ServiceMissing} (the target broker is here but lacks the
 * service: error -8490), {@link Delayed} (a message of this node's conversation waits in its
 * transmission queue) or {@link Dropped} (the message is not kept, not acknowledged, and its sender
 * retries). Every decision also reports the broker id step 3 picked in this run (R-ROUTE-14), null
 * when step 3 did not run; the caller keeps it for the conversation until an ack binds the broker
 * id (R-ROUTE-27) and passes it back with {@link RoutingRequest#withBrokerPick}.
 */
public sealed interface RouteDecision
        permits RouteDecision.DeliverLocally, RouteDecision.SendToNextHop, RouteDecision.ServiceMissing,
                RouteDecision.Delayed, RouteDecision.Dropped {

    /** The broker id step 3 picked in this run, or null when step 3 did not run. */
    UUID brokerPick();

    /**
     * Deliver to the broker {@code broker} of this node (R-ROUTE-24, R-ROUTE-25). {@code route} is the
     * LOCAL route used, or null when there was none: the implicit route of step 6 (R-ROUTE-17) or a
     * reply delivered without matching (R-ROUTE-11).
     */
    record DeliverLocally(UUID broker, Route route, UUID brokerPick) implements RouteDecision {
        public DeliverLocally {
            Objects.requireNonNull(broker, "broker");
        }
    }

    /**
     * Send to the next hop {@code address}, taken from {@code route} or, for a TRANSPORT route, from
     * the service name (R-ROUTE-6). When the route has a MIRROR_ADDRESS, {@code address} is its
     * ADDRESS and the transport must first learn which partner is principal (R-ROUTE-37).
     * {@code forwarding} is true when this node relays a message that arrived from another node
     * (R-FWD-3); a message of this node's own conversation stays the sending broker's transmission,
     * even after R-ROUTE-10 matched it with the node-level routes.
     */
    record SendToNextHop(RouteAddress.Tcp address, Route route, boolean forwarding, UUID brokerPick)
            implements RouteDecision {
        public SendToNextHop {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(route, "route");
        }
    }

    /**
     * The broker id is known and names a broker of this node, but that broker has no service of the
     * target name (R-ROUTE-24): the dialog is errored with {@link #ERROR_CODE} ("Cannot find the
     * remote service"), toward the sender when the message came from another node. {@code route} is
     * the LOCAL route used, null as in {@link DeliverLocally}.
     */
    record ServiceMissing(UUID broker, Route route, UUID brokerPick) implements RouteDecision {
        /** The Service Broker error code the dialog is ended with. */
        public static final int ERROR_CODE = -8490;

        public ServiceMissing {
            Objects.requireNonNull(broker, "broker");
        }
    }

    /**
     * The message stays in the sending broker's transmission queue, showing {@code status} as its
     * {@code transmission_status}, and is routed again on the retry schedule (R-ROUTE-18): either no
     * route was usable ({@link RoutingStatus#NO_ROUTE}) or the dynamic routing service is being
     * asked ({@link RoutingStatus#LOCATING_ROUTES}, R-ROUTE-15). {@code requestRoute} says whether a
     * MissingRoute request must now be sent from the sending broker (case a) or one is already
     * pending (case b). Only for messages of this node's conversations.
     */
    record Delayed(RoutingStatus status, boolean requestRoute, UUID brokerPick) implements RouteDecision {
        public Delayed {
            Objects.requireNonNull(status, "status");
            if (status != RoutingStatus.NO_ROUTE && status != RoutingStatus.LOCATING_ROUTES) {
                throw new IllegalArgumentException("a DELAYED conversation shows 9793 or 9770, not " + status.number());
            }
            requireRequestOnlyWhileLocating(status, requestRoute);
        }
    }

    /**
     * The message is dropped: not delivered, forwarded, buffered or acknowledged, and nothing is sent
     * back (R-ROUTE-21, R-ROUTE-26, decision §10-18); {@code status} is the diagnostic this node
     * records. Happens to messages from another node, and to a message of this node's conversation
     * that R-ROUTE-10 handled as arriving from outside: that one stays in the sending broker's
     * transmission queue and is retried (T-14). {@code requestRoute} as in {@link Delayed}, the
     * request being made on behalf of the node-level table.
     */
    record Dropped(RoutingStatus status, boolean requestRoute, UUID brokerPick) implements RouteDecision {
        public Dropped {
            Objects.requireNonNull(status, "status");
            requireRequestOnlyWhileLocating(status, requestRoute);
        }
    }

    private static void requireRequestOnlyWhileLocating(RoutingStatus status, boolean requestRoute) {
        if (requestRoute && status != RoutingStatus.LOCATING_ROUTES) {
            throw new IllegalArgumentException("a MissingRoute request is sent only with status 9770, not "
                    + status.number());
        }
    }
}
