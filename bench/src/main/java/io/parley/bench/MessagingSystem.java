package io.parley.bench;

/**
 * A durable, transactional queue holding 1 KiB messages, as far as the bench needs to see one:
 * it opens {@link Sender}s and {@link Receiver}s on one queue, each used by one thread at a time,
 * and closing it releases its files (the bench deletes the directory it was started in). Every
 * case the harness runs is written against this interface only, so a system is measured by the same
 * loop as its peer; one that cannot run a case says so through {@link #supports} and its cells in
 * the table show a dash.
 */
public interface MessagingSystem extends AutoCloseable {

    /** One line for the table's header: product, version and the settings that matter for speed. */
    String description();

    /** Whether this system can run {@code scenario}; every case by default. */
    default boolean supports(Scenario scenario) {
        return true;
    }

    /** A new sending session; its sends become visible to receivers only when it commits. */
    Sender openSender() throws Exception;

    /** A new receiving session; what it receives is removed from the queue only when it commits. */
    Receiver openReceiver() throws Exception;

    /** Stops the system and releases its files; a failure here is unchecked. */
    @Override
    void close();
}
