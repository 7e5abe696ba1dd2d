package io.parley.transport;

import java.util.Objects;
import java.util.UUID;

/**
 * Which sequenced message of which dialog: the conversation, the direction it travels (sent by the
 * initiator or by the target) and its sequence number in that direction. A receiver recognises a
 * duplicate by exactly this triple (R-PROTO-7), and an {@link Ack} or {@link Nack} names the
 * message it answers by it.
 */
public record MessageKey(UUID conversationId, boolean fromInitiator, long sequence) {

    public MessageKey {
        Objects.requireNonNull(conversationId, "conversationId");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence " + sequence + " is negative; each direction starts at 0 (R-PROTO-5)");
        }
    }
}
