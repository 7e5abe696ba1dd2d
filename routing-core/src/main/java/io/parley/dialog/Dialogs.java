package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.MessageType;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.SystemObjects;
import io.parley.routing.NodeView;
import io.parley.routing.RouteMatcher;
import io.parley.store.Store;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The conversation statements of one broker: BEGIN DIALOG, SEND, RECEIVE, GET CONVERSATION GROUP
 * and END CONVERSATION (semantics §2). Each runs inside the caller's transaction and either does all
 * of its work there or throws a {@link DialogException} having stored nothing; what other
 * transactions see changes only when the caller commits. One instance serves every thread.
 */
public final class Dialogs implements AutoCloseable {
    static final int DEFAULT_PRIORITY = 5;
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final Store store;
    private final Supplier<Catalog> catalog;
    private final Clock clock;
    private final EndpointTable endpoints = new EndpointTable();
    private final TransmissionTable transmissions = new TransmissionTable();
    private final QueueTable queues;
    private final ConversationGroups groups;
    private final GroupLocks locks = new GroupLocks();
    private final QueueSignals signals = new QueueSignals();
    private final QueueWaits queueWaits = new QueueWaits(signals);
    private final Outbound outbound;
    private final Receiver receiver;
    private final QueueEvents queueEvents;
    private final Deadlines deadlines;
    private final Transmissions transmissionQueue;

    /**
     * @param store   the broker's store
     * @param catalog the broker's current catalog
     * @param node    the node as routing sees it at the moment of a send
     * @param clock   the time SEND, timers and lifetimes count with
     * @param ddl     runs a DDL statement against the broker's catalog (poison message handling disables queues)
     */
    public Dialogs(Store store, Supplier<Catalog> catalog, Supplier<NodeView> node, Clock clock, Consumer<String> ddl) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.queues = new QueueTable(store.config().dialect(), catalog);
        this.groups = new ConversationGroups(queues);
        BrokerErrors errors = new BrokerErrors(endpoints, queues, signals);
        this.deadlines = new Deadlines(store, catalog, clock, endpoints, queues, errors, signals);
        Inbound inbound = new Inbound(endpoints, queues, groups, signals, deadlines::wake);
        RouteMatcher matcher = new RouteMatcher(new SplittableRandom());
        this.outbound = new Outbound(store.brokerInstanceId(), node, matcher, endpoints, transmissions, inbound, errors);
        this.transmissionQueue = new Transmissions(store.brokerInstanceId(), catalog, node, matcher, clock, endpoints,
                transmissions, inbound, errors, groups);
        this.queueEvents = new QueueEvents(store.name());
        Redelivery redelivery = new Redelivery(store, catalog, queues, locks, signals,
                new PoisonDetector(catalog, ddl, queueEvents), queueEvents);
        this.receiver = new Receiver(queues, endpoints, locks, signals, redelivery);
        this.deadlines.start();
    }

    /** The transmission queue, for whatever delivers its messages: the node's transmitter, the transport. */
    public Transmissions transmissions() {
        return transmissionQueue;
    }

    /** Runs {@code listener} after each commit that left messages in the transmission queue. */
    public void onTransmissionQueued(Runnable listener) {
        outbound.onQueued(listener);
    }

    /** Stops the broker's background work on conversations (timers, lifetimes); the broker calls it on close. */
    @Override
    public void close() {
        deadlines.close();
    }

    /** Registers {@code listener} for queues disabled by poison message handling and messages dead-lettered. */
    public void addQueueListener(QueueListener listener) {
        queueEvents.add(listener);
    }

    /** Begins a transaction on the broker's store for these statements. */
    public Transaction begin() {
        return store.begin();
    }

    /**
     * BEGIN DIALOG (R-CONV-2, R-CONV-3): creates this side's endpoint in state SO, in a new group or
     * the related one, and locks that group. Nothing is sent until the first SEND.
     */
    public ConversationHandle beginDialog(Transaction tx, BeginDialog request) {
        return run(tx, "BEGIN DIALOG", c -> {
            Catalog now = catalog.get();
            Service from = now.service(request.fromService()).orElseThrow(() -> new DialogException(8447,
                    "the FROM service '" + request.fromService() + "' does not exist in broker " + store.name()));
            if (now.contract(request.contract()).isEmpty()) {
                throw new DialogException(8425, "the contract '" + request.contract() + "' does not exist in broker "
                        + store.name());
            }
            if (request.lifetime().isNegative() || request.lifetime().isZero()
                    || request.lifetime().compareTo(BeginDialog.MAX_LIFETIME) > 0) {
                throw new DialogException(8411, "LIFETIME " + request.lifetime().toSeconds()
                        + " s is outside 1.." + Integer.MAX_VALUE + " seconds");
            }
            ConversationGroupId group = groupFor(tx, c, request, from);
            locks.lock(group, tx, LOCK_TIMEOUT);
            Instant start = clock.instant();
            Endpoint endpoint = new Endpoint(ConversationHandle.random(), UUID.randomUUID(), true, group, from.name(),
                    request.contract(), request.toService(), request.toBrokerInstance(), null,
                    ConversationState.STARTED_OUTBOUND, start.plus(request.lifetime()), null, 0, 0, null, DEFAULT_PRIORITY);
            endpoints.insert(c, endpoint);
            tx.onCompletion(committed -> {
                if (committed) {
                    deadlines.wake();
                }
            });
            return endpoint.handle();
        });
    }

    private ConversationGroupId groupFor(Transaction tx, Connection c, BeginDialog request, Service from) throws SQLException {
        if (request.relatedConversation() != null) {
            Endpoint related = requireEndpoint(c, request.relatedConversation());
            requireSameService(related.serviceName(), from, "RELATED_CONVERSATION " + related.handle());
            return related.group();
        }
        if (request.relatedGroup() != null) {
            String service = groups.serviceOf(c, request.relatedGroup()).orElse(null);
            if (service == null) {
                groups.create(tx, request.relatedGroup(), from);
            } else {
                requireSameService(service, from, "RELATED_CONVERSATION_GROUP " + request.relatedGroup());
            }
            return request.relatedGroup();
        }
        return groups.create(tx, from);
    }

    private static void requireSameService(String groupService, Service from, String what) {
        if (!groupService.equals(from.name())) {
            throw new DialogException(8436, what + " belongs to service '" + groupService
                    + "', not to the FROM service '" + from.name() + "' (R-CONV-32)");
        }
    }

    /** SEND of a message of type DEFAULT. */
    public void send(Transaction tx, ConversationHandle handle, byte[] body) {
        send(tx, handle, SystemObjects.DEFAULT, body);
    }

    /**
     * SEND ON CONVERSATION (R-CONV-22..24): checks the state, the contract and the direction, and the
     * body against this broker's definition of the message type, gives the message the dialog's next
     * sequence number and sends it (see {@link Outbound}). A null or empty body is an empty one.
     */
    public void send(Transaction tx, ConversationHandle handle, String messageType, byte[] body) {
        run(tx, "SEND", c -> {
            Catalog now = catalog.get();
            Endpoint endpoint = requireEndpoint(c, handle);
            if (!endpoint.state().canSend()) {
                throw new DialogException(8429, "conversation " + handle + " is in state " + endpoint.state().code()
                        + ", in which SEND is not allowed");
            }
            if (!endpoint.lifetime().isAfter(clock.instant())) {
                throw new DialogException(8429, "conversation " + handle + " has exceeded its LIFETIME (" + endpoint.lifetime()
                        + "); SEND is not allowed (R-CONV-12)");
            }
            locks.lock(endpoint.group(), tx, LOCK_TIMEOUT);
            MessageType type = SendChecks.requireSendable(now, endpoint, messageType);
            String problem = BodyValidator.problem(type.validation(), body);
            if (problem != null) {
                throw new DialogException(8430, "the body of a '" + messageType + "' message on conversation " + handle
                        + " fails its validation " + type.validation() + ": " + problem);
            }
            SendChecks.requireOwnQueueUsable(now, endpoint);
            Instant at = clock.instant();
            long sequence = endpoint.sendSequence();
            Endpoint sent = endpoint.afterSend(endpoint.state() == ConversationState.STARTED_OUTBOUND
                    ? ConversationState.CONVERSING : endpoint.state());
            endpoints.update(c, sent);
            retainSentCopy(tx, now, sent, sequence, type, body, at);
            outbound.send(tx, now, sent, sequence, type.name(), body, at);
            return null;
        });
    }

    /** R-OBJ-23: with RETENTION ON the sender's queue keeps a copy of each sent message (status 3). */
    private void retainSentCopy(Transaction tx, Catalog catalog, Endpoint sender, long sequence, MessageType type,
                                byte[] body, Instant at) throws SQLException {
        ServiceQueue own = SendChecks.ownQueue(catalog, sender);
        if (own.retention()) {
            queues.insert(tx, new QueueTable.Row(queues.queueId(tx.connection(), own.name()), QueueTable.RETAINED_SENT, sender.priority(),
                    sender.group(), sender.handle(), sequence, sender.serviceName(), sender.contractName(), type.name(),
                    type.validation(), body), at);
        }
    }

    /**
     * RECEIVE (R-CONV-25..28): the ready messages of one conversation group, locked for the rest of
     * the transaction; waits up to {@link Receive#waitFor()} when none is ready. An empty list means
     * nothing arrived in time.
     */
    public List<ReceivedMessage> receive(Transaction tx, Receive request) {
        return run(tx, "RECEIVE", c -> receiver.receive(tx, catalog, request, POLL_INTERVAL));
    }

    /** Waiting for a queue to change without RECEIVE, for readers that choose their messages themselves. */
    public QueueWaits queueWaits() {
        return queueWaits;
    }

    /**
     * BEGIN CONVERSATION TIMER … TIMEOUT (R-CONV-14, R-CONV-15): when {@code timeout} has passed, a
     * DialogTimer message arrives on this side's queue; a later call replaces the deadline, and
     * {@link Duration#ZERO} cancels it (a Parley decision: the sources leave cancelling open).
     */
    public void beginConversationTimer(Transaction tx, ConversationHandle handle, Duration timeout) {
        if (timeout.isNegative()) {
            throw new DialogException(8458, "TIMEOUT " + timeout.toSeconds() + " s of the conversation timer on " + handle
                    + " is negative");
        }
        run(tx, "BEGIN CONVERSATION TIMER", c -> {
            Endpoint endpoint = requireEndpoint(c, handle);
            ConversationState state = endpoint.state();
            if (state == ConversationState.CLOSED || state == ConversationState.DISCONNECTED_OUTBOUND) {
                throw new DialogException(8458, "conversation " + handle + " is in state " + state.code()
                        + ", in which BEGIN CONVERSATION TIMER is not allowed");
            }
            Instant deadline = timeout.isZero() ? null : clock.instant().plus(timeout);
            if (deadline != null && deadline.isAfter(endpoint.lifetime())) {
                throw new DialogException(8410, "the conversation timer on " + handle + " would fire at " + deadline
                        + ", after the dialog's lifetime ends at " + endpoint.lifetime());
            }
            locks.lock(endpoint.group(), tx, LOCK_TIMEOUT);
            endpoints.updateDialogTimer(c, handle, deadline);
            tx.onCompletion(committed -> {
                if (committed) {
                    deadlines.wake();
                }
            });
            return null;
        });
    }

    /**
     * GET CONVERSATION GROUP (R-CONV-29): locks the next group of {@code queue} with ready messages
     * that no other transaction holds, waiting up to {@code waitFor} (negative: no limit).
     *
     * @return the group, or empty when none was available in time
     */
    public Optional<ConversationGroupId> getConversationGroup(Transaction tx, String queue, Duration waitFor) {
        return Optional.ofNullable(run(tx, "GET CONVERSATION GROUP",
                c -> receiver.nextGroup(tx, catalog, queue, waitFor, POLL_INTERVAL)));
    }

    /**
     * MOVE CONVERSATION (R-CONV-34): puts a conversation, with its queued messages, into another
     * group of the same queue, locking both groups for the rest of the transaction.
     */
    public void moveConversation(Transaction tx, ConversationHandle handle, ConversationGroupId to) {
        run(tx, "MOVE CONVERSATION", c -> {
            Endpoint endpoint = requireEndpoint(c, handle);
            if (endpoint.state() == ConversationState.CLOSED) {
                throw new DialogException(8438, "conversation " + handle + " is closed and cannot be moved");
            }
            String toService = groups.serviceOf(c, to).orElseThrow(() -> new DialogException(8436,
                    "the conversation group " + to + " is not found"));
            Catalog now = catalog.get();
            String fromQueue = SendChecks.ownQueue(now, endpoint).name();
            String toQueue = now.service(toService).flatMap(s -> now.queue(s.queueName())).map(ServiceQueue::name).orElse("");
            if (!fromQueue.equals(toQueue)) {
                throw new DialogException(8438, "conversation " + handle + " is on queue '" + fromQueue + "' and group " + to
                        + " on queue '" + toQueue + "'; MOVE CONVERSATION works within one queue");
            }
            locks.lock(endpoint.group(), tx, LOCK_TIMEOUT);
            locks.lock(to, tx, LOCK_TIMEOUT);
            endpoints.updateGroup(c, handle, to);
            queues.moveConversation(c, handle, to);
            groups.deleteIfEmpty(c, endpoint.group());
            return null;
        });
    }

    /**
     * END CONVERSATION (R-CONV-16..18): ends this side. If the peer is still there an EndDialog is
     * sent after everything already queued; the endpoint waits in DO until it is acknowledged.
     */
    public void end(Transaction tx, ConversationHandle handle) {
        run(tx, "END CONVERSATION", c -> {
            new Ending(this, tx, c, handle).plain();
            return null;
        });
    }

    /**
     * END CONVERSATION … WITH ERROR (R-CONV-16, R-CONV-19): drops this side's unsent messages and
     * sends an Error with the application's code (> 0) and description to a peer still there.
     */
    public void endWithError(Transaction tx, ConversationHandle handle, int code, String description) {
        if (code <= 0 || description == null || description.length() > 3000) {
            throw new DialogException(8419, "END CONVERSATION WITH ERROR needs a code above 0 and a description of at most"
                    + " 3000 characters; got code " + code + (description == null ? " and no description" : ""));
        }
        run(tx, "END CONVERSATION WITH ERROR", c -> {
            new Ending(this, tx, c, handle).withError(code, description);
            return null;
        });
    }

    /**
     * END CONVERSATION … WITH CLEANUP (R-CONV-21): removes this side's endpoint and every message
     * of it, telling the peer nothing. For administrators, not for application code.
     */
    public void endWithCleanup(Transaction tx, ConversationHandle handle) {
        run(tx, "END CONVERSATION WITH CLEANUP", c -> {
            new Ending(this, tx, c, handle).cleanup();
            return null;
        });
    }

    Endpoint requireEndpoint(Connection c, ConversationHandle handle) throws SQLException {
        return endpoints.find(c, handle).orElseThrow(() -> new DialogException(8426,
                "the conversation handle " + handle + " is not found in broker " + store.name()));
    }

    EndpointTable endpoints() {
        return endpoints;
    }

    QueueTable queues() {
        return queues;
    }

    TransmissionTable transmissionTable() {
        return transmissions;
    }

    ConversationGroups groups() {
        return groups;
    }

    GroupLocks locks() {
        return locks;
    }

    Outbound outbound() {
        return outbound;
    }

    Catalog catalog() {
        return catalog.get();
    }

    Instant now() {
        return clock.instant();
    }

    static Duration lockTimeout() {
        return LOCK_TIMEOUT;
    }

    private <T> T run(Transaction tx, String statement, Work<T> work) {
        try {
            return work.run(tx.connection());
        } catch (SQLException e) {
            throw store.config().dialect().translate(e, store.config(), statement + " in");
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
