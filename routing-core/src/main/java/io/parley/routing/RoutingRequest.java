package io.parley.routing;

import java.util.Objects;
import java.util.UUID;

/**
 * The message to route, as matching sees it: the target service name (byte-exact, R-OBJ-1); the
 * conversation broker id of §3.3 (for an initiator the id named in BEGIN DIALOG or bound by the first
 * ack, R-ROUTE-27; for a replying target the initiator's id; for an arriving message the destination
 * broker id it carries; null when there is none); where the message comes from (R-ROUTE-9); whether
 * it was sent by the target side of its dialog (R-ROUTE-11); and the step-3 broker pick an earlier
 * run made for this conversation (R-ROUTE-14), which is ignored once the broker id is known.
 */
public record RoutingRequest(String serviceName, UUID brokerId, Origin origin, boolean reply, UUID brokerPick) {

    /**
     * Where a message comes from: {@link Local}, sent by a conversation endpoint of a broker of this
     * node and routed with that broker's routes, or {@link Remote}, arrived from another node and
     * routed with the node-level routes (R-ROUTE-9).
     */
    public sealed interface Origin permits Origin.Local, Origin.Remote {

        /** A message that arrived from another node. */
        Remote REMOTE = new Remote();

        /** Sent by a conversation endpoint of the broker {@code broker} on this node. */
        record Local(UUID broker) implements Origin {
            public Local {
                Objects.requireNonNull(broker, "broker");
            }
        }

        /** Arrived from another node. */
        record Remote() implements Origin {
        }
    }

    public RoutingRequest {
        if (serviceName == null || serviceName.isEmpty()) {
            throw new IllegalArgumentException("a routing request needs a target service name");
        }
        Objects.requireNonNull(origin, "origin");
    }

    /** A message sent by the initiator side of a conversation of {@code sendingBroker}, without broker id. */
    public static RoutingRequest outgoing(UUID sendingBroker, String serviceName) {
        return new RoutingRequest(serviceName, null, new Origin.Local(sendingBroker), false, null);
    }

    /**
     * A message from the initiator side that arrived from another node, carrying
     * {@code destinationBroker} (null when the conversation has no broker id yet).
     */
    public static RoutingRequest incoming(String serviceName, UUID destinationBroker) {
        return new RoutingRequest(serviceName, destinationBroker, Origin.REMOTE, false, null);
    }

    /** This request with the conversation broker id set (or cleared with null). */
    public RoutingRequest withBrokerId(UUID id) {
        return new RoutingRequest(serviceName, id, origin, reply, brokerPick);
    }

    /** This request carrying the step-3 pick an earlier run reported for the conversation. */
    public RoutingRequest withBrokerPick(UUID pick) {
        return new RoutingRequest(serviceName, brokerId, origin, reply, pick);
    }

    /** This request as sent by the target side of its dialog (R-ROUTE-11). */
    public RoutingRequest asReply() {
        return new RoutingRequest(serviceName, brokerId, origin, true, brokerPick);
    }
}
