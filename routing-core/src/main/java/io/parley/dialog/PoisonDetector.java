package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.ServiceQueue;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Automatic poison message detection (R-ERR-9): disables a queue whose receiving transactions roll
 * back {@value #ROLLBACKS_TO_DISABLE} times in a row. The count is per queue, as the rule words it,
 * and counts transactions, not RECEIVE statements: a transaction that took messages from the queue
 * adds one when it rolls back and ends the run when it commits. The semantics leave the exact scope
 * open; per queue is the reading that needs no guess about which message is to blame. Counts live
 * in memory, so a restart begins every run again. A queue with POISON_MESSAGE_HANDLING OFF is not
 * counted. Disabling goes through the broker's DDL, {@code ALTER QUEUE … WITH STATUS = OFF}, so the
 * catalog, the store and {@code SB.SERVICE_QUEUES} change together, exactly as an administrator's would.
 */
final class PoisonDetector {
    static final int ROLLBACKS_TO_DISABLE = 5;
    private static final System.Logger LOG = System.getLogger(PoisonDetector.class.getName());

    private final Supplier<Catalog> catalog;
    private final Consumer<String> ddl;
    private final QueueEvents events;
    private final Map<String, Integer> rollbacksInARow = new HashMap<>();

    PoisonDetector(Supplier<Catalog> catalog, Consumer<String> ddl, QueueEvents events) {
        this.catalog = catalog;
        this.ddl = ddl;
        this.events = events;
    }

    /** A transaction that received from {@code queue} committed, or its rollback dead-lettered the failing message. */
    synchronized void cleared(String queue) {
        rollbacksInARow.remove(queue);
    }

    /** A transaction that received from {@code queue} rolled back with the messages back in the queue. */
    void rolledBack(String queue) {
        ServiceQueue current = catalog.get().queue(queue).orElse(null);
        if (current == null || !current.poisonMessageHandling()) {
            cleared(queue);
            return;
        }
        synchronized (this) {
            int rollbacks = rollbacksInARow.merge(queue, 1, Integer::sum);
            if (rollbacks < ROLLBACKS_TO_DISABLE) {
                return;
            }
            rollbacksInARow.remove(queue);
        }
        if (current.enabled()) {
            disable(queue);
        }
    }

    private void disable(String queue) {
        try {
            ddl.accept("ALTER QUEUE [" + queue.replace("]", "]]") + "] WITH STATUS = OFF");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "PRL-2104 queue '" + queue + "' had " + ROLLBACKS_TO_DISABLE + " consecutive rollbacks"
                    + " but could not be disabled (poison message handling); check that it still exists", e);
            return;
        }
        events.queueDisabled(queue, ROLLBACKS_TO_DISABLE);
    }
}
