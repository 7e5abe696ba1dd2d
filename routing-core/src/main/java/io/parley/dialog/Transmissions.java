package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.routing.NodeView;
import io.parley.routing.RouteDecision;
import io.parley.routing.RouteMatcher;
import io.parley.routing.RoutingRequest;
import io.parley.store.Transaction;
import io.parley.store.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A broker's transmission queue as the delivery side sees it: the messages waiting to leave, where
 * routing sends each of them now, and what to record once an attempt is over. The same type
 * accepts messages arriving at this broker from elsewhere. Every method works in the caller's
 * transaction; the deliverer decides which transactions commit, so that a receiving broker has
 * committed a message before its sender deletes its copy (R-PROTO-13).
 */
public final class Transmissions {
    private final UUID brokerId;
    private final Supplier<Catalog> catalog;
    private final Supplier<NodeView> node;
    private final RouteMatcher matcher;
    private final Clock clock;
    private final EndpointTable endpoints;
    private final TransmissionTable table;
    private final Inbound inbound;
    private final BrokerErrors errors;
    private final ConversationGroups groups;

    Transmissions(UUID brokerId, Supplier<Catalog> catalog, Supplier<NodeView> node, RouteMatcher matcher,
                  Clock clock, EndpointTable endpoints, TransmissionTable table, Inbound inbound, BrokerErrors errors,
                  ConversationGroups groups) {
        this.brokerId = brokerId;
        this.catalog = catalog;
        this.node = node;
        this.matcher = matcher;
        this.clock = clock;
        this.endpoints = endpoints;
        this.table = table;
        this.inbound = inbound;
        this.errors = errors;
        this.groups = groups;
    }

    /**
     * One message waiting in the transmission queue, as a next hop needs it (its row: message id,
     * enqueue time, priority, whether it is an EndDialog or an Error), with what its endpoint knows
     * now: the far broker bound by an acknowledgement, the step-3 pick, the dialog's lifetime.
     */
    public record Pending(long id, ConversationHandle handle, UUID conversationId, boolean fromInitiator, long sequence,
                          String toService, String fromService, String contractName, String messageType, byte[] body,
                          UUID messageId, Instant enqueueTime, int priority, boolean endOfDialog,
                          boolean conversationError, UUID farBroker, UUID brokerPick, Instant lifetime, String status,
                          ConversationState senderState) {

        /**
         * Why this message is held rather than sent, or null: once the peer has ended the dialog or
         * errored it, this side's unsent messages wait for the application's END, which deletes
         * them, and are never transmitted (R-CONV-20).
         */
        public String heldBecause() {
            if (senderState == ConversationState.DISCONNECTED_INBOUND) {
                return PEER_ENDED;
            }
            return senderState == ConversationState.ERROR ? PEER_ERRORED : null;
        }
    }

    /** Service Broker's status 9779 for a message held after the peer's EndDialog (R-CONV-20). */
    public static final String PEER_ENDED = "Service Broker received an END CONVERSATION message on this conversation."
            + " Service Broker will not transmit the message; it will be held until the application ends the conversation.";
    /** Service Broker's status 9784 for a message held after an Error on the dialog (R-CONV-20). */
    public static final String PEER_ERRORED = "Service Broker received an error message on this conversation. Service"
            + " Broker will not transmit the message; it will be held until the application ends the conversation.";

    /** The broker these messages leave from. */
    public UUID brokerId() {
        return brokerId;
    }

    /** Up to {@code limit} waiting messages, oldest first, so each dialog's come in sequence order. */
    public List<Pending> pending(Transaction tx, int limit) throws SQLException {
        List<Pending> found = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT t.ID, t.HANDLE, t.CONVERSATION_ID,"
                + " t.IS_INITIATOR, t.SEQUENCE_NUMBER, t.TO_SERVICE_NAME, t.FROM_SERVICE_NAME, t.CONTRACT_NAME,"
                + " t.MESSAGE_TYPE, t.MESSAGE_BODY, t.MESSAGE_ID, t.ENQUEUE_TIME, t.PRIORITY, t.IS_END_OF_DIALOG,"
                + " t.IS_CONVERSATION_ERROR, e.FAR_BROKER_INSTANCE, e.BROKER_PICK, e.LIFETIME, t.TRANSMISSION_STATUS, e.STATE"
                + " FROM PARLEY.TRANSMISSION_QUEUE t JOIN PARLEY.CONVERSATION_ENDPOINTS e ON e.HANDLE = t.HANDLE"
                + " ORDER BY t.ID")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Pending(rs.getLong(1), ConversationHandle.parse(rs.getString(2)),
                            UUID.fromString(rs.getString(3)), rs.getBoolean(4), rs.getLong(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getBytes(10),
                            UUID.fromString(rs.getString(11)), UtcTimestamps.read(rs, 12), rs.getInt(13), rs.getBoolean(14),
                            rs.getBoolean(15), uuid(rs.getString(16)), uuid(rs.getString(17)), UtcTimestamps.read(rs, 18),
                            rs.getString(19), ConversationState.ofCode(rs.getString(20))));
                }
            }
        }
        return found;
    }

    /** Where routing sends {@code message} at this attempt (R-ROUTE-39). */
    public RouteDecision route(Pending message) {
        RoutingRequest request = RoutingRequest.outgoing(brokerId, message.toService())
                .withBrokerId(message.farBroker())
                .withBrokerPick(message.brokerPick());
        return matcher.match(request, node.get(), clock.instant());
    }

    /** Keeps the step-3 broker pick of an attempt for the dialog's later attempts (R-ROUTE-14). */
    public void rememberPick(Transaction tx, Pending message, UUID pick) throws SQLException {
        Connection c = tx.connection();
        Endpoint endpoint = endpoints.find(c, message.handle()).orElse(null);
        if (endpoint != null && !pick.equals(endpoint.brokerPick())) {
            endpoints.update(c, endpoint.withBrokerPick(pick));
        }
    }

    /** Accepts, at this broker, a message sent by broker {@code from} of the same node. */
    public Arrival accept(Transaction tx, Pending message, UUID from) throws SQLException {
        return accept(tx, new IncomingMessage(message.conversationId(), message.fromInitiator(), message.sequence(),
                message.toService(), message.fromService(), from, message.contractName(), message.messageType(),
                message.body(), message.lifetime()));
    }

    /** Accepts, at this broker, a message that arrived from another node. */
    public Arrival accept(Transaction tx, IncomingMessage message) throws SQLException {
        return inbound.accept(tx, catalog.get(), message, clock.instant());
    }

    /**
     * The message was acknowledged by broker {@code by}: its row goes; the first acknowledgement binds
     * the dialog to that broker (R-ROUTE-27); an acknowledged EndDialog or Error closes an endpoint
     * waiting in DO (R-CONV-9).
     */
    public void acknowledged(Transaction tx, Pending message, UUID by) throws SQLException {
        Connection c = tx.connection();
        table.delete(c, message.id());
        Endpoint endpoint = endpoints.find(c, message.handle()).orElse(null);
        if (endpoint == null) {
            return;
        }
        if (endpoint.farBrokerInstance() == null) {
            endpoint = endpoint.withFarBroker(by);
            endpoints.update(c, endpoint);
        }
        boolean closing = endpoint.endDialogSequence() != null && endpoint.endDialogSequence() == message.sequence();
        if (closing && endpoint.state() == ConversationState.DISCONNECTED_OUTBOUND) {
            if (endpoint.initiator()) {
                endpoints.delete(c, endpoint.handle());
                groups.deleteIfEmpty(c, endpoint.group());
            } else {
                endpoints.update(c, endpoint.withState(ConversationState.CLOSED));
            }
        }
    }

    /** The attempt did not get the message acknowledged; {@code status} says why (R-PROTO-18). */
    public void waiting(Transaction tx, Pending message, String status) throws SQLException {
        table.setStatus(tx.connection(), message.id(), status);
    }

    /** The message can never be delivered: its row goes and its dialog gets this Error (R-ERR-6). */
    public void failed(Transaction tx, Pending message, int code, String description) throws SQLException {
        Connection c = tx.connection();
        table.delete(c, message.id());
        Endpoint endpoint = endpoints.find(c, message.handle()).orElse(null);
        if (endpoint != null) {
            errors.raise(tx, catalog.get(), endpoint, code, description, clock.instant());
        }
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
