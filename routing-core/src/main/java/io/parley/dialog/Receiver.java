package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.ServiceQueue;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * RECEIVE (R-CONV-25..28, §2.9): picks the highest-priority group with ready messages that no other
 * transaction holds, locks it for the caller's transaction, and takes its messages in order. Locked
 * groups are passed over, never waited for, so receivers on one queue do not block each other.
 * With WAITFOR it sleeps until a commit in this process makes messages ready on the queue, checking
 * the store again at least every poll interval for changes made elsewhere.
 */
final class Receiver {
    private final QueueTable queues;
    private final EndpointTable endpoints;
    private final GroupLocks locks;
    private final QueueSignals signals;

    Receiver(QueueTable queues, EndpointTable endpoints, GroupLocks locks, QueueSignals signals) {
        this.queues = queues;
        this.endpoints = endpoints;
        this.locks = locks;
        this.signals = signals;
    }

    List<ReceivedMessage> receive(Transaction tx, Supplier<Catalog> catalog, Receive request, Duration pollInterval)
            throws SQLException {
        boolean forever = request.waitFor().isNegative();
        long deadline = System.nanoTime() + (forever ? 0 : request.waitFor().toNanos());
        while (true) {
            ServiceQueue queue = requireReceivable(catalog.get(), request.queue());
            long seen = signals.version(queue.name());
            List<ReceivedMessage> messages = takeOnce(tx, queue, request);
            long left = deadline - System.nanoTime();
            if (!messages.isEmpty() || (!forever && left <= 0)) {
                return messages;
            }
            Duration wait = forever ? pollInterval : Duration.ofNanos(Math.min(left, pollInterval.toNanos()));
            try {
                signals.await(queue.name(), seen, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
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
                Endpoint endpoint = endpoints.find(c, request.conversation()).orElseThrow(() -> new DialogException(8426,
                        "the conversation handle " + request.conversation() + " is not found"));
                group = endpoint.group();
            }
            locks.lock(group, tx, Dialogs.lockTimeout());
            return take(c, queue, queueId, group, request);
        }
        for (ConversationGroupId group : queues.groupsWithReadyMessages(c, queueId)) {
            if (locks.tryLock(group, tx)) {
                List<ReceivedMessage> messages = take(c, queue, queueId, group, request);
                if (!messages.isEmpty()) {
                    return messages;
                }
            }
        }
        return List.of();
    }

    private List<ReceivedMessage> take(Connection c, ServiceQueue queue, int queueId, ConversationGroupId group,
                                      Receive request) throws SQLException {
        List<ReceivedMessage> messages = queues.ready(c, queueId, group, request.conversation(), request.top());
        queues.consume(c, messages, queue.retention());
        return messages;
    }
}
