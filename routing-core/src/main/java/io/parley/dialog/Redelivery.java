package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.ServiceQueue.DeadLetterPolicy;
import io.parley.store.Store;
import io.parley.store.Transaction;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What becomes of received messages when their transaction ends (R-CONV-28). A rollback puts them
 * back in their queue and undoes everything the transaction wrote, so the delivery each of them just
 * had is counted afterwards, in a short transaction of its own, keyed by queuing order. A message
 * whose count reaches its queue's MAX_DELIVERIES is moved to the dead-letter queue there instead.
 * Then the {@link PoisonDetector} hears, per queue, whether the transaction committed or rolled back.
 * RECEIVE calls {@link #follow} before it locks any group, so this runs before the transaction's
 * group locks are released and no other receiver can take a message before its count is stored.
 */
final class Redelivery {
    private static final System.Logger LOG = System.getLogger(Redelivery.class.getName());

    private final Store store;
    private final Supplier<Catalog> catalog;
    private final QueueTable queues;
    private final GroupLocks locks;
    private final QueueSignals signals;
    private final PoisonDetector poison;
    private final QueueEvents events;
    private final Map<Transaction, Map<String, List<ReceivedMessage>>> received = new ConcurrentHashMap<>();

    Redelivery(Store store, Supplier<Catalog> catalog, QueueTable queues, GroupLocks locks, QueueSignals signals,
               PoisonDetector poison, QueueEvents events) {
        this.store = store;
        this.catalog = catalog;
        this.queues = queues;
        this.locks = locks;
        this.signals = signals;
        this.poison = poison;
        this.events = events;
    }

    /** Starts following {@code tx}, once; call it before the statement locks a group. */
    void follow(Transaction tx) {
        received.computeIfAbsent(tx, t -> {
            t.onCompletion(committed -> completed(t, committed));
            return new LinkedHashMap<>();
        });
    }

    /** Records what a RECEIVE in {@code tx} took from {@code queue}. */
    void took(Transaction tx, String queue, List<ReceivedMessage> messages) {
        if (!messages.isEmpty()) {
            received.get(tx).computeIfAbsent(queue, q -> new ArrayList<>()).addAll(messages);
        }
    }

    private void completed(Transaction tx, boolean committed) {
        Map<String, List<ReceivedMessage>> byQueue = received.remove(tx);
        if (byQueue.isEmpty()) {
            return;
        }
        Set<String> deadLettered = committed ? Set.of() : countDeliveries(tx, byQueue);
        for (String queue : byQueue.keySet()) {
            if (committed || deadLettered.contains(queue)) {
                poison.cleared(queue);
            } else {
                poison.rolledBack(queue);
            }
        }
    }

    /**
     * Counts the rolled-back delivery of every message and moves those that reached their limit;
     * returns the queues that lost a message to a dead-letter queue. A failure here cannot undo the
     * caller's rollback, which has happened, so it is logged and the counts stay as they were.
     */
    private Set<String> countDeliveries(Transaction rolledBack, Map<String, List<ReceivedMessage>> byQueue) {
        List<DeadLettered> moved = new ArrayList<>();
        try (Transaction tx = store.begin()) {
            holdGroups(rolledBack, tx, byQueue);
            Catalog now = catalog.get();
            for (Map.Entry<String, List<ReceivedMessage>> e : byQueue.entrySet()) {
                ServiceQueue queue = now.queue(e.getKey()).orElse(null);
                if (queue != null) {
                    countDeliveries(tx.connection(), queue, e.getValue(), moved);
                }
            }
            tx.commit();
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.WARNING, "PRL-2103 the rolled-back deliveries of " + describe(byQueue) + " in broker '"
                    + store.name() + "' could not be counted; their delivery counts and dead-letter policies"
                    + " will not reflect this rollback", e);
            return Set.of();
        }
        Set<String> deadLettered = new HashSet<>();
        for (DeadLettered d : moved) {
            deadLettered.add(d.queue());
            signals.signal(d.deadLetterQueue());
            events.messageDeadLettered(d.queue(), d.deadLetterQueue(), d.messageId(), d.deliveryCount());
        }
        byQueue.keySet().forEach(signals::signal);
        return deadLettered;
    }

    private void countDeliveries(Connection c, ServiceQueue queue, List<ReceivedMessage> messages, List<DeadLettered> moved)
            throws SQLException {
        DeadLetterPolicy policy = queue.deadLetter();
        int from = policy == null ? 0 : queues.queueId(c, queue.name());
        int to = policy == null ? 0 : queues.queueId(c, policy.queueName());
        for (ReceivedMessage m : messages) {
            if (queues.countDelivery(c, m.queuingOrder()) && policy != null
                    && queues.moveToDeadLetterQueue(c, m.queuingOrder(), from, queue.name(), to, policy.maxDeliveries())) {
                moved.add(new DeadLettered(queue.name(), policy.queueName(), m.messageId(), m.deliveryCount() + 1));
            }
        }
    }

    /**
     * Keeps other receivers off the messages' groups until their counts are stored. The rolled-back
     * transaction normally still holds them (see the class comment); a group it locked before its
     * first RECEIVE has been released already, so it is taken again, waiting for whoever got it first.
     */
    private void holdGroups(Transaction rolledBack, Transaction tx, Map<String, List<ReceivedMessage>> byQueue) {
        Set<ConversationGroupId> groups = new HashSet<>();
        byQueue.values().forEach(messages -> messages.forEach(m -> groups.add(m.conversationGroupId())));
        for (ConversationGroupId group : groups) {
            if (!locks.tryLock(group, tx) && locks.isLockedByOther(group, rolledBack)) {
                locks.lock(group, tx, Dialogs.lockTimeout());
            }
        }
    }

    private static String describe(Map<String, List<ReceivedMessage>> byQueue) {
        List<String> parts = new ArrayList<>();
        byQueue.forEach((queue, messages) -> parts.add(messages.size() + " message(s) of queue '" + queue + "'"));
        return String.join(", ", parts);
    }

    private record DeadLettered(String queue, String deadLetterQueue, UUID messageId, int deliveryCount) {
    }
}
