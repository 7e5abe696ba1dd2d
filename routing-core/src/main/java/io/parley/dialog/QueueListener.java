package io.parley.dialog;

import java.util.UUID;

/**
 * Hears what the broker does to a queue on its own after a rollback: disabling it as poison message
 * handling asks (R-ERR-9, Service Broker's "Broker:Queue Disabled" event) and moving a message to
 * its dead-letter queue. Each call comes on the thread that ended the transaction, after the change
 * is stored; keep it short. An exception a listener throws is logged and otherwise ignored.
 */
public interface QueueListener {

    /** {@code queue} was set to STATUS = OFF after {@code rollbacks} rollbacks in a row. */
    default void queueDisabled(String queue, int rollbacks) {
    }

    /**
     * The message {@code messageId} left {@code queue} for {@code deadLetterQueue} after
     * {@code deliveryCount} rolled-back deliveries.
     */
    default void messageDeadLettered(String queue, String deadLetterQueue, UUID messageId, int deliveryCount) {
    }
}
