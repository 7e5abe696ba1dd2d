package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.routing.NodeView;
import io.parley.routing.RouteDecision;
import io.parley.routing.RouteMatcher;
import io.parley.routing.RoutingRequest;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends one sequenced message of a dialog from this broker. Routing is asked where it goes
 * (R-ROUTE-39); a message for a service of this same broker is accepted by the receiving side in the
 * caller's transaction, which acknowledges it at once (R-CONV-23); everything else is written to the
 * transmission queue with the reason it waits (R-PROTO-17, R-PROTO-18), for delivery after commit.
 */
final class Outbound {
    /** Where a sent message is after this transaction. */
    enum Result {
        /** In the destination queue (or dropped there as the protocol says): acknowledged. */
        DELIVERED,
        /** In the transmission queue, waiting. */
        PENDING,
        /** Refused for good by the receiving side; the sending dialog now has an Error. */
        REJECTED
    }

    private final UUID brokerId;
    private final Supplier<NodeView> node;
    private final RouteMatcher matcher;
    private final EndpointTable endpoints;
    private final TransmissionTable transmissions;
    private final Inbound inbound;
    private final BrokerErrors errors;
    private volatile Runnable queuedListener = () -> { };

    Outbound(UUID brokerId, Supplier<NodeView> node, RouteMatcher matcher, EndpointTable endpoints,
             TransmissionTable transmissions, Inbound inbound, BrokerErrors errors) {
        this.brokerId = brokerId;
        this.node = node;
        this.matcher = matcher;
        this.endpoints = endpoints;
        this.transmissions = transmissions;
        this.inbound = inbound;
        this.errors = errors;
    }

    /** Sends the message numbered {@code sequence} from {@code sender}, whose row is already up to date. */
    Result send(Transaction tx, Catalog catalog, Endpoint sender, long sequence, String messageType, byte[] body, Instant now)
            throws SQLException {
        Connection c = tx.connection();
        RoutingRequest request = RoutingRequest.outgoing(brokerId, sender.farService())
                .withBrokerId(sender.farBrokerInstance())
                .withBrokerPick(sender.brokerPick());
        RouteDecision decision = matcher.match(request, node.get(), now);
        if (decision.brokerPick() != null && !decision.brokerPick().equals(sender.brokerPick())) {
            sender = sender.withBrokerPick(decision.brokerPick());
            endpoints.update(c, sender);
        }
        if (decision instanceof RouteDecision.DeliverLocally local && local.broker().equals(brokerId)) {
            IncomingMessage message = new IncomingMessage(sender.conversationId(), sender.initiator(), sequence,
                    sender.farService(), sender.serviceName(), brokerId, sender.contractName(), messageType, body,
                    sender.lifetime());
            Arrival outcome = inbound.accept(tx, catalog, message, now);
            if (outcome instanceof Arrival.Refused refused) {
                queue(tx, sender, sequence, messageType, body, refused.status(), now);
                return Result.PENDING;
            }
            if (outcome instanceof Arrival.Rejected rejected) {
                errors.raise(tx, catalog, sender, rejected.error().code(), rejected.description(), now);
                return Result.REJECTED;
            }
            bindFarBroker(c, sender);
            return Result.DELIVERED;
        }
        if (decision instanceof RouteDecision.ServiceMissing missing) {
            errors.raise(tx, catalog, sender, RouteDecision.ServiceMissing.ERROR_CODE,
                    BrokerError.REMOTE_SERVICE_NOT_FOUND.describe(sender.farService()), now);
            return Result.REJECTED;
        }
        String status = decision instanceof RouteDecision.Delayed delayed ? delayed.status().text() : "";
        queue(tx, sender, sequence, messageType, body, status, now);
        return Result.PENDING;
    }

    void onQueued(Runnable listener) {
        this.queuedListener = listener;
    }

    private void queue(Transaction tx, Endpoint sender, long sequence, String messageType, byte[] body, String status,
                       Instant now) throws SQLException {
        transmissions.insert(tx.connection(), new TransmissionTable.Row(sender, sequence, messageType, body, status), now);
        Runnable listener = queuedListener;
        tx.onCompletion(committed -> {
            if (committed) {
                listener.run();
            }
        });
    }

    /** R-ROUTE-27: the first acknowledgement binds the dialog to the broker that gave it. */
    private void bindFarBroker(Connection c, Endpoint sender) throws SQLException {
        // The sender's row is as given: receiving into this broker changes only the target's row.
        if (sender.farBrokerInstance() == null) {
            endpoints.update(c, sender.withFarBroker(brokerId));
        }
    }
}
