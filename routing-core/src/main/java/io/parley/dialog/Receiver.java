package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.ServiceQueue;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * RECEIVE (R-CONV-25..28, §2.9): picks the highest-priority group with ready messages that no other
 * transaction holds, locks it for the caller's transaction, and takes its messages in order. Locked
 * groups are passed over, never waited for, so receivers on one queue do not block each other.
 * With WAITFOR it sleeps until a commit in this process makes messages ready on the queue, checking
 * the store again at least every poll interval for changes made elsewhere. What it takes is reported
 * to {@link Redelivery}, which counts the deliveries a rollback hands back (R-CONV-28, R-ERR-9).
 */
final class Receiver {
    /** Ready messages read per page when looking for a group to lock. */
    private static final int FIRST_SCAN = 64;

    private final QueueTable queues;
    private final EndpointTable endpoints;
    private final GroupLocks locks;
    private final QueueSignals signals;
    private final Redelivery redelivery;

    Receiver(QueueTable queues, EndpointTable endpoints, GroupLocks locks, QueueSignals signals, Redelivery redelivery) {
        this.queues = queues;
        this.endpoints = endpoints;
        this.locks = locks;
        this.signals = signals;
        this.redelivery = redelivery;
    }

    List<ReceivedMessage> receive(Transaction tx, Supplier<Catalog> catalog, Receive request, Duration pollInterval)
            throws SQLException {
        redelivery.follow(tx);
        List<ReceivedMessage> none = List.of();
        return waitFor(catalog, request.queue(), request.waitFor(), pollInterval, none,
                queue -> takeOnce(tx, queue, request));
    }

    /**
     * GET CONVERSATION GROUP (R-CONV-29): locks and returns the next group with ready messages that
     * no other transaction holds, without taking its messages; null when none came in time.
     */
    ConversationGroupId nextGroup(Transaction tx, Supplier<Catalog> catalog, String queueName, Duration timeout,
                                  Duration pollInterval) throws SQLException {
        redelivery.follow(tx);
        return waitFor(catalog, queueName, timeout, pollInterval, null, queue -> {
            Connection c = tx.connection();
            return firstLockable(tx, queues.queueId(c, queue.name()), group -> group);
        });
    }

    /** Tries {@code attempt} until it finds something or the wait is over (negative: no limit). */
    private <T> T waitFor(Supplier<Catalog> catalog, String queueName, Duration timeout, Duration pollInterval, T nothing,
                          Attempt<T> attempt) throws SQLException {
        boolean forever = timeout.isNegative();
        long deadline = System.nanoTime() + (forever ? 0 : timeout.toNanos());
        while (true) {
            ServiceQueue queue = requireReceivable(catalog.get(), queueName);
            long seen = signals.version(queue.name());
            T found = attempt.run(queue);
            long left = deadline - System.nanoTime();
            if (!Objects.equals(found, nothing) || (!forever && left <= 0)) {
                return found;
            }
            Duration wait = forever ? pollInterval : Duration.ofNanos(Math.min(left, pollInterval.toNanos()));
            try {
                signals.await(queue.name(), seen, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return nothing;
            }
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run(ServiceQueue queue) throws SQLException;
    }

    /** R-OBJ-19: RECEIVE from a queue with STATUS = OFF fails with 9617. */
    private static ServiceQueue requireReceivable(Catalog catalog, String name) {
        ServiceQueue queue = catalog.queue(name).orElseThrow(() -> new DialogException(208,
                "there is no queue '" + name + "'"));
        if (!queue.enabled()) {
            throw new DialogException(9617, "the service queue '" + name + "' is currently disabled");
        }
        return queue;
    }

    private List<ReceivedMessage> takeOnce(Transaction tx, ServiceQueue queue, Receive request) throws SQLException {
        Connection c = tx.connection();
        int queueId = queues.queueId(c, queue.name());
        if (request.conversation() != null || request.group() != null) {
            ConversationGroupId group = request.group();
            if (request.conversation() != null) {
                Endpoint endpoint = endpoints.peek(c, request.conversation()).orElseThrow(() -> new DialogException(8426,
                        "the conversation handle " + request.conversation() + " is not found"));
                group = endpoint.group();
            }
            locks.lock(group, tx, Dialogs.lockTimeout());
            return take(tx, queue, queueId, group, request);
        }
        List<ReceivedMessage> messages = firstLockable(tx, queueId, group -> {
            List<ReceivedMessage> taken = take(tx, queue, queueId, group, request);
            return taken.isEmpty() ? null : taken;
        });
        return messages == null ? List.of() : messages;
    }

    /**
     * Offers each group with ready messages, in receive order, that {@code tx} can lock to
     * {@code use}, until {@code use} returns something. Groups are read a page at a time from the
     * front of the queue, the page growing only while every group on it is held by others.
     */
    private <T> T firstLockable(Transaction tx, int queueId, GroupUse<T> use) throws SQLException {
        Set<ConversationGroupId> tried = new HashSet<>();
        for (int scanRows = FIRST_SCAN; ; scanRows = scanRows > Integer.MAX_VALUE / 4 ? Integer.MAX_VALUE : scanRows * 4) {
            QueueTable.ReadyGroups page = queues.groupsWithReadyMessages(tx.connection(), queueId, scanRows);
            for (ConversationGroupId group : page.groups()) {
                if (tried.add(group) && locks.tryLock(group, tx)) {
                    T result = use.apply(group);
                    if (result != null) {
                        return result;
                    }
                }
            }
            if (!page.truncated()) {
                return null;
            }
        }
    }

    @FunctionalInterface
    private interface GroupUse<T> {
        T apply(ConversationGroupId group) throws SQLException;
    }

    private List<ReceivedMessage> take(Transaction tx, ServiceQueue queue, int queueId, ConversationGroupId group,
                                      Receive request) throws SQLException {
        Connection c = tx.connection();
        List<ReceivedMessage> messages = queues.ready(c, queueId, group, request.conversation(), request.top());
        queues.consume(c, messages, queue.retention());
        redelivery.took(tx, queue.name(), messages);
        return messages;
    }
}
