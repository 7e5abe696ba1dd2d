package io.parley.dialog;

import java.time.Duration;
import java.util.Objects;

/**
 * What RECEIVE asks for (R-CONV-25..27): a queue, at most {@code top} messages, optionally only one
 * conversation or one group, and how long to wait for messages: {@link Duration#ZERO} returns at
 * once; a negative duration waits without limit.
 */
public record Receive(String queue, int top, ConversationHandle conversation, ConversationGroupId group, Duration waitFor) {
    public Receive {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(waitFor, "waitFor");
        if (top < 1) {
            throw new IllegalArgumentException("TOP must be at least 1, not " + top);
        }
        if (conversation != null && group != null) {
            throw new IllegalArgumentException("RECEIVE filters on a conversation handle or a group id, not both");
        }
    }

    /** Every ready message of the next available group, without waiting. */
    public static Receive from(String queue) {
        return new Receive(queue, Integer.MAX_VALUE, null, null, Duration.ZERO);
    }

    public Receive top(int n) {
        return new Receive(queue, n, conversation, group, waitFor);
    }

    /** WHERE conversation_handle = … */
    public Receive conversation(ConversationHandle handle) {
        return new Receive(queue, top, handle, null, waitFor);
    }

    /** WHERE conversation_group_id = … */
    public Receive group(ConversationGroupId id) {
        return new Receive(queue, top, null, id, waitFor);
    }

    /** WAITFOR (…), TIMEOUT: how long to wait for a message when none is ready. */
    public Receive waitFor(Duration timeout) {
        return new Receive(queue, top, conversation, group, timeout);
    }
}
