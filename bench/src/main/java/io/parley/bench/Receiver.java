package io.parley.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * One receiving session of a {@link MessagingSystem}: takes the oldest message off the queue inside
 * the current transaction. Closing it rolls back, which returns uncommitted messages to the queue.
 */
public interface Receiver extends AutoCloseable {

    /**
     * The body of the oldest committed message, or empty when none arrives within {@code maxWait}.
     */
    Optional<byte[]> receive(Duration maxWait) throws Exception;

    /** Removes every message received since the last commit from the queue for good. */
    void commit() throws Exception;

    /** Rolls back what was not committed and ends the session; a failure here is unchecked. */
    @Override
    void close();
}
