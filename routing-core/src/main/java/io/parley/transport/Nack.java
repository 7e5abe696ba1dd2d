package io.parley.transport;

import java.util.Objects;

/**
 * The destination broker's refusal of one message, with an error code (Service Broker's numbers,
 * such as -8408 for a contract the target service does not support) and a description.
 * {@link #forGood} means it will never be accepted, so the sender errors its dialog (R-ERR-6), as
 * a broker-generated Error does in Service Broker (R-PROTO-6); {@link #forNow} means not at the
 * moment, so the sender keeps it and retries (R-PROTO-14). Forwarders never send one (R-FWD-14).
 */
public record Nack(MessageKey message, boolean permanent, int errorCode, String description) implements DeliveryFrame {

    public Nack {
        Objects.requireNonNull(message, "message");
        FieldRules.text(description, "description");
    }

    /** The message will never be accepted: the sender's dialog gets this error. */
    public static Nack forGood(MessageKey message, int errorCode, String description) {
        return new Nack(message, true, errorCode, description);
    }

    /** The message cannot be accepted now; the sender keeps it and tries again later. */
    public static Nack forNow(MessageKey message, int errorCode, String description) {
        return new Nack(message, false, errorCode, description);
    }

    @Override
    public FrameType type() {
        return FrameType.NACK;
    }
}
