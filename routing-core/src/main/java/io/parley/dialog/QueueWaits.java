package io.parley.dialog;

import java.time.Duration;
import java.util.Map;

/**
 * Waiting for a queue to change without RECEIVE, for readers that choose their messages themselves
 * (the JMS provider's selectors) and so cannot wait inside RECEIVE … WAITFOR. Each queue has a
 * version that every commit in this process making messages ready there moves: remember it with
 * {@link #version} before looking at the queue, then {@link #awaitChange} waits for it to move.
 */
public final class QueueWaits {
    private final QueueSignals signals;

    QueueWaits(QueueSignals signals) {
        this.signals = signals;
    }

    /** How often, so far, {@code queue} got ready messages by a commit here or was {@linkplain #wake woken}. */
    public long version(String queue) {
        return signals.version(queue);
    }

    /**
     * Waits until the version of any queue in {@code seen} differs from the one given there, or
     * {@code timeout} has passed; returns at once when one already differs.
     */
    public void awaitChange(Map<String, Long> seen, Duration timeout) throws InterruptedException {
        signals.awaitAny(seen, timeout);
    }

    /**
     * Moves the version of {@code queue} and wakes whoever waits on it, in RECEIVE … WAITFOR or in
     * {@link #awaitChange}: for a change the engine cannot see, such as a reader giving up a group
     * it had set aside, or closing. A woken RECEIVE looks at the queue again and waits on.
     */
    public void wake(String queue) {
        signals.signal(queue);
    }
}
