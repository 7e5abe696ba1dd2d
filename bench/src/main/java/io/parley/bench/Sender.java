package io.parley.bench;

/**
 * One sending session of a {@link MessagingSystem}: durable sends grouped into transactions.
 * Closing it rolls back whatever was sent since the last commit.
 */
public interface Sender extends AutoCloseable {

    /** Adds a durable message with this body to the current transaction. */
    void send(byte[] body) throws Exception;

    /** Makes every message sent since the last commit durable and visible to receivers. */
    void commit() throws Exception;

    /** Rolls back what was not committed and ends the session; a failure here is unchecked. */
    @Override
    void close();
}
