package io.parley.bench;

import java.time.Duration;

/**
 * Empties the queue between runs, so each run starts from the same state, and counts what it took
 * off, so the bench can tell whether everything sent was received.
 */
final class Drain {
    /** How long a missing message is waited for before it counts as lost. */
    private static final Duration MISSING_WAIT = Duration.ofMillis(500);
    /** How long to look for messages beyond those expected, which would be duplicates. */
    private static final Duration EXTRA_WAIT = Duration.ofMillis(20);
    private static final int PER_COMMIT = 100;

    private Drain() {
    }

    /**
     * Receives the {@code expected} messages still queued and anything else that turns up; returns
     * how many it took.
     */
    static long remaining(MessagingSystem system, long expected) throws Exception {
        long drained = 0;
        try (Receiver receiver = system.openReceiver()) {
            while (receiver.receive(drained < expected ? MISSING_WAIT : EXTRA_WAIT).isPresent()) {
                drained++;
                if (drained % PER_COMMIT == 0) {
                    receiver.commit();
                }
            }
            receiver.commit();
        }
        return drained;
    }
}
