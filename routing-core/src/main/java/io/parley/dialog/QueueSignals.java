package io.parley.dialog;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Wakes receivers waiting on a queue (WAITFOR, R-CONV-27) when a commit in this process made
 * messages ready there, so a waiting RECEIVE does not poll the database. Each queue has a counter
 * bumped by every such commit; a receiver remembers the counter before looking and waits for it to
 * move. The wait is bounded, so changes from outside this process are still seen (by polling).
 */
final class QueueSignals {
    private final Map<String, Long> versions = new HashMap<>();

    synchronized long version(String queue) {
        return versions.getOrDefault(queue, 0L);
    }

    synchronized void signal(String queue) {
        versions.merge(queue, 1L, Long::sum);
        notifyAll();
    }

    /** Waits until the queue's counter differs from {@code seen}, or {@code timeout} passes. */
    synchronized void await(String queue, long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version(queue) == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until the counter of any queue in {@code seen} differs from the value there, or {@code timeout} passes. */
    synchronized void awaitAny(Map<String, Long> seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unchanged(seen)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private boolean unchanged(Map<String, Long> seen) {
        for (Map.Entry<String, Long> e : seen.entrySet()) {
            if (!Objects.equals(version(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
