package io.parley.jms.destination;

import io.parley.dialog.ConversationHandle;
import java.util.Objects;

/**
 * One side of a dialog as a JMS queue: the JMSReplyTo of a message that asked for replies on its dialog. Sending to it
 * is SEND ON CONVERSATION with this side's handle, so the reply travels back on the same dialog to the service that
 * began it. Its queue name is {@code conversation:} and the handle, which {@code Session.createQueue} reads back.
 * It is a destination to send to only: consumers read the queue of the service at the other end.
 */
public record ConversationDestination(ConversationHandle handle) implements ParleyDestination {
    public ConversationDestination {
        Objects.requireNonNull(handle, "handle");
    }

    /** The destination a queue name starting with {@link #CONVERSATION_PREFIX} stands for. */
    public static ConversationDestination parse(String name) {
        String handle = name.substring(CONVERSATION_PREFIX.length());
        try {
            return new ConversationDestination(ConversationHandle.parse(handle));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' does not name a conversation: '" + handle
                    + "' is not a conversation handle", e);
        }
    }

    @Override
    public String name() {
        return CONVERSATION_PREFIX + handle;
    }

    @Override
    public String toString() {
        return "conversation " + handle;
    }
}
