package io.parley.dialog;

import java.util.Objects;
import java.util.UUID;

/** One side's handle on a dialog ({@code conversation_handle}, R-CONV-1); each endpoint has its own. */
public record ConversationHandle(UUID value) {
    public ConversationHandle {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationHandle random() {
        return new ConversationHandle(UUID.randomUUID());
    }

    public static ConversationHandle parse(String text) {
        return new ConversationHandle(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
