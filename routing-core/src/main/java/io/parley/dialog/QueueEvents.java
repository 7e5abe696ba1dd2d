package io.parley.dialog;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reports queue events to operators and to the registered {@link QueueListener}s. Each event is
 * logged once with a stable id and what to do about it: PRL-2101 queue disabled, PRL-2102 message
 * dead-lettered; a listener that throws is logged with PRL-2105 and the others still hear the event.
 */
final class QueueEvents implements QueueListener {
    private static final System.Logger LOG = System.getLogger(QueueEvents.class.getName());

    private final String broker;
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();

    QueueEvents(String broker) {
        this.broker = broker;
    }

    void add(QueueListener listener) {
        listeners.add(listener);
    }

    @Override
    public void queueDisabled(String queue, int rollbacks) {
        LOG.log(Level.WARNING, "PRL-2101 queue '" + queue + "' disabled after " + rollbacks + " consecutive rollbacks"
                + " (poison message handling) in broker '" + broker + "'; end the conversation whose message fails"
                + " (END CONVERSATION … WITH ERROR), then ALTER QUEUE [" + queue + "] WITH STATUS = ON");
        tell(listener -> listener.queueDisabled(queue, rollbacks));
    }

    @Override
    public void messageDeadLettered(String queue, String deadLetterQueue, UUID messageId, int deliveryCount) {
        LOG.log(Level.WARNING, "PRL-2102 message " + messageId + " moved from queue '" + queue + "' to its dead-letter"
                + " queue '" + deadLetterQueue + "' after " + deliveryCount + " rolled-back deliveries in broker '"
                + broker + "'; RECEIVE it from '" + deadLetterQueue + "' to inspect it");
        tell(listener -> listener.messageDeadLettered(queue, deadLetterQueue, messageId, deliveryCount));
    }

    private void tell(Consumer<QueueListener> event) {
        for (QueueListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "PRL-2105 queue listener " + listener + " of broker '" + broker + "' failed;"
                        + " the event was still applied", e);
            }
        }
    }
}
