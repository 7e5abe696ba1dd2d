package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.Contract;
import io.parley.catalog.MessageType;
import io.parley.catalog.SentBy;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The receiving side of a dialog: accepts one incoming message into this broker inside the caller's
 * transaction. It creates the target endpoint on a dialog's first message (R-CONV-4, R-CONV-5),
 * re-checks contract and message type against this broker's own catalog (R-OBJ-16), validates the
 * body (R-OBJ-7), drops duplicates (R-PROTO-7), applies EndDialog and Error to the endpoint's state,
 * and puts the message in the service's queue. What the sender must do next is the {@link Arrival}.
 */
final class Inbound {
    static final String TARGET_QUEUE_DISABLED = "Target queue is disabled.";
    /**
     * An arrival ahead of the next expected sequence number is not kept but refused, and comes again
     * in order with the sender's retries: R-PROTO-8's storing of out-of-order messages (status 2) only
     * saves a retransmission, and refusing keeps the receiving side's state a plain counter.
     */
    static final String OUT_OF_ORDER = "";

    private final EndpointTable endpoints;
    private final QueueTable queues;
    private final ConversationGroups groups;
    private final QueueSignals signals;

    private final Runnable deadlineAdded;

    /** @param deadlineAdded told after a commit that created an endpoint, whose lifetime is a new deadline */
    Inbound(EndpointTable endpoints, QueueTable queues, ConversationGroups groups, QueueSignals signals,
            Runnable deadlineAdded) {
        this.endpoints = endpoints;
        this.queues = queues;
        this.groups = groups;
        this.signals = signals;
        this.deadlineAdded = deadlineAdded;
    }

    Arrival accept(Transaction tx, Catalog catalog, IncomingMessage m, Instant now) throws SQLException {
        Connection c = tx.connection();
        Optional<Endpoint> existing = endpoints.find(c, m.conversationId(), !m.fromInitiator());
        if (existing.isEmpty() && !m.fromInitiator()) {
            return new Arrival.Discarded();
        }
        boolean conversationError = SystemObjects.ERROR.equals(m.messageType());
        if (existing.isEmpty() && m.sequence() > 0) {
            // An END WITH ERROR whose dropped messages (R-CONV-19) never reached this side leaves
            // nothing here to end.
            return conversationError ? new Arrival.Discarded() : new Arrival.Refused(OUT_OF_ORDER);
        }
        Service service = catalog.service(existing.map(Endpoint::serviceName).orElse(m.toService())).orElse(null);
        if (service == null) {
            return new Arrival.Rejected(BrokerError.REMOTE_SERVICE_NOT_FOUND, BrokerError.REMOTE_SERVICE_NOT_FOUND.describe(m.toService()));
        }
        ServiceQueue queue = catalog.queue(service.queueName()).orElseThrow();
        if (existing.isEmpty()) {
            Arrival refusal = checkNewDialog(catalog, service, m);
            if (refusal != null) {
                return refusal;
            }
        }
        if (!queue.enabled()) {
            return new Arrival.Refused(TARGET_QUEUE_DISABLED);
        }
        Endpoint target = existing.orElse(null);
        if (target != null) {
            ConversationState state = target.state();
            if (state == ConversationState.DISCONNECTED_OUTBOUND && SystemObjects.ERROR.equals(m.messageType())) {
                endpoints.delete(c, target.handle());
                return new Arrival.Discarded();
            }
            if (state == ConversationState.DISCONNECTED_OUTBOUND || state == ConversationState.CLOSED
                    || !target.lifetime().isAfter(now)) {
                // R-CONV-17, R-CONV-12: an ended or expired endpoint takes nothing more.
                return new Arrival.Discarded();
            }
            if (m.sequence() < target.receiveSequence()) {
                return new Arrival.Duplicate();
            }
            if (m.sequence() > target.receiveSequence() && !conversationError) {
                return new Arrival.Refused(OUT_OF_ORDER);
            }
        }
        Optional<MessageType> type = catalog.messageType(m.messageType());
        Arrival typeProblem = checkType(catalog, m, type);
        if (typeProblem != null) {
            return typeProblem;
        }
        if (target == null) {
            target = newTargetEndpoint(tx, service, m, now);
        }
        int queueId = queues.queueId(c, queue.name());
        queues.insert(tx, new QueueTable.Row(queueId, QueueTable.READY, target.priority(), target.group(), target.handle(),
                m.sequence(), service.name(), m.contractName(), m.messageType(), type.get().validation(), m.body()), now);
        // An Error may follow a gap: END WITH ERROR dropped the messages before it (R-CONV-19).
        endpoints.update(c, afterArrival(target.receivedThrough(m.sequence()), m.messageType()));
        String queueName = queue.name();
        tx.onCompletion(committed -> {
            if (committed) {
                signals.signal(queueName);
            }
        });
        return new Arrival.Accepted();
    }

    /** R-OBJ-26: the target service must accept the contract, which must exist here too. */
    private static Arrival checkNewDialog(Catalog catalog, Service service, IncomingMessage m) {
        if (catalog.contract(m.contractName()).isEmpty()) {
            return new Arrival.Rejected(BrokerError.CONTRACT_NOT_FOUND, BrokerError.CONTRACT_NOT_FOUND.describe(m.contractName()));
        }
        if (!service.accepts(m.contractName())) {
            return new Arrival.Rejected(BrokerError.CONTRACT_NOT_SUPPORTED,
                    BrokerError.CONTRACT_NOT_SUPPORTED.describe(service.name(), m.contractName()));
        }
        return null;
    }

    /** R-OBJ-16 and R-OBJ-7, against this broker's own definitions; system types pass (R-OBJ-15). */
    private static Arrival checkType(Catalog catalog, IncomingMessage m, Optional<MessageType> type) {
        if (type.isEmpty()) {
            return new Arrival.Rejected(BrokerError.MESSAGE_TYPE_NOT_FOUND, BrokerError.MESSAGE_TYPE_NOT_FOUND.describe(m.messageType()));
        }
        if (!SystemObjects.ALWAYS_RECEIVABLE.contains(m.messageType())) {
            Contract contract = catalog.contract(m.contractName()).orElseThrow();
            Optional<SentBy> sentBy = contract.sentBy(m.messageType());
            if (sentBy.isEmpty()) {
                return new Arrival.Rejected(BrokerError.MESSAGE_TYPE_NOT_IN_CONTRACT,
                        BrokerError.MESSAGE_TYPE_NOT_IN_CONTRACT.describe(m.messageType(), m.contractName()));
            }
            if (!sentBy.get().allows(m.fromInitiator())) {
                BrokerError error = m.fromInitiator() ? BrokerError.INITIATOR_SENT_TARGET_TYPE : BrokerError.TARGET_SENT_INITIATOR_TYPE;
                return new Arrival.Rejected(error, error.describe(m.messageType()));
            }
        }
        Validation validation = type.get().validation();
        if (BodyValidator.problem(validation, m.body()) != null) {
            BrokerError error = validation == Validation.WELL_FORMED_XML ? BrokerError.XML_VALIDATION_FAILED : BrokerError.VALIDATION_FAILED;
            return new Arrival.Rejected(error, error.describe(m.messageType()));
        }
        return null;
    }

    private Endpoint newTargetEndpoint(Transaction tx, Service service, IncomingMessage m, Instant now) throws SQLException {
        ConversationGroupId group = groups.create(tx, service);
        Endpoint target = new Endpoint(ConversationHandle.random(), m.conversationId(), false, group, service.name(),
                m.contractName(), m.fromService(), m.fromBroker(), null, ConversationState.CONVERSING,
                m.lifetime(), null, 0, 0, null, Dialogs.DEFAULT_PRIORITY);
        endpoints.insert(tx.connection(), target);
        tx.onCompletion(committed -> {
            if (committed) {
                deadlineAdded.run();
            }
        });
        return target;
    }

    /** CO→DI on EndDialog, any→ER on Error (R-CONV-9). */
    private static Endpoint afterArrival(Endpoint endpoint, String messageType) {
        if (SystemObjects.END_DIALOG.equals(messageType)) {
            return endpoint.withState(ConversationState.DISCONNECTED_INBOUND);
        }
        if (SystemObjects.ERROR.equals(messageType)) {
            return endpoint.withState(ConversationState.ERROR);
        }
        return endpoint;
    }
}
