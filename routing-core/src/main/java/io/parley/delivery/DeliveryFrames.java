package io.parley.delivery;

import io.parley.dialog.IncomingMessage;
import io.parley.dialog.Transmissions;
import io.parley.routing.RouteDecision;
import io.parley.routing.RoutingRequest;
import io.parley.transport.Envelope;
import io.parley.transport.ForwardingBudget;
import io.parley.transport.MessageFrame;
import io.parley.transport.MessageKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Translates between a broker's messages and the MESSAGE frames that carry them between nodes
 * ({@code docs/protocol.md}): a waiting row of the transmission queue becomes a frame with
 * everything the far side needs, and an arriving frame becomes the dialog layer's incoming
 * message and the routing request the receiving node matches with its node-level routes.
 */
final class DeliveryFrames {

    private DeliveryFrames() {
    }

    /** The key the far side acknowledges {@code message} by. */
    static MessageKey keyOf(Transmissions.Pending message) {
        return new MessageKey(message.conversationId(), message.fromInitiator(), message.sequence());
    }

    /**
     * The frame for one attempt of {@code message} from broker {@code from}, routed by
     * {@code decision} at {@code now}. The destination broker is the one the dialog is bound to
     * (R-ROUTE-27) or else the one the chosen route names, so a step-3 pick reaches the broker it
     * picked; the forwarding budget is fresh at every attempt (R-FWD-4).
     */
    static MessageFrame frameOf(Transmissions.Pending message, UUID from, RouteDecision.SendToNextHop decision,
                                Instant now) {
        UUID toBroker = message.farBroker() != null ? message.farBroker() : decision.route().brokerInstance();
        Envelope envelope = new Envelope(message.fromService(), from, message.toService(), toBroker,
                message.contractName(), message.messageType());
        Duration lifetimeLeft = Duration.between(now, message.lifetime());
        Duration timeToLive = lifetimeLeft.isNegative() ? Duration.ZERO
                : lifetimeLeft.compareTo(ForwardingBudget.DEFAULT_TIME_TO_LIVE) < 0 ? lifetimeLeft
                : ForwardingBudget.DEFAULT_TIME_TO_LIVE;
        return new MessageFrame(keyOf(message), envelope, message.endOfDialog(), message.conversationError(),
                message.messageId(), message.enqueueTime(), message.lifetime(), message.priority(),
                ForwardingBudget.fresh(timeToLive), message.body());
    }

    /** The dialog layer's view of an arriving frame; an empty body is Service Broker's NULL body (R-OBJ-9). */
    static IncomingMessage incoming(MessageFrame frame) {
        MessageKey key = frame.key();
        Envelope envelope = frame.envelope();
        return new IncomingMessage(key.conversationId(), key.fromInitiator(), key.sequence(), envelope.toService(),
                envelope.fromService(), envelope.fromBroker(), envelope.contract(), envelope.messageType(),
                frame.bodyLength() == 0 ? null : frame.body(), frame.lifetimeDeadline());
    }

    /**
     * How the receiving node routes an arriving frame (R-ROUTE-9 b): by its target service and the
     * destination broker it carries, and as a reply when the target side sent it (R-ROUTE-11).
     */
    static RoutingRequest routingRequestOf(MessageFrame frame) {
        RoutingRequest request = RoutingRequest.incoming(frame.envelope().toService(), frame.envelope().toBroker());
        return frame.key().fromInitiator() ? request : request.asReply();
    }
}
