package io.parley.dialog;

import java.util.Objects;
import java.util.UUID;

/** The id of a conversation group (R-CONV-31); local to one side, never transmitted. */
public record ConversationGroupId(UUID value) {
    public ConversationGroupId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationGroupId random() {
        return new ConversationGroupId(UUID.randomUUID());
    }

    public static ConversationGroupId parse(String text) {
        return new ConversationGroupId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
