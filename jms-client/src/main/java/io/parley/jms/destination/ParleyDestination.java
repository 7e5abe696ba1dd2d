package io.parley.jms.destination;

import jakarta.jms.Queue;

/**
 * A destination of Parley's own: a service, temporary or not, or one side of a dialog. Every one is a {@link Queue}
 * (Parley is point to point), and its queue name is also how {@code Session.createQueue} finds it again.
 */
public sealed interface ParleyDestination extends Queue
        permits ServiceDestination, ConversationDestination, TemporaryServiceDestination {

    /** The prefix of the queue name of a {@link ConversationDestination}; anything else names a service. */
    String CONVERSATION_PREFIX = "conversation:";

    /** The queue name, which never throws. */
    String name();

    @Override
    default String getQueueName() {
        return name();
    }
}
