package io.parley.transport;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One sequenced dialog message on its way to its destination broker: which message it is
 * ({@link MessageKey}), its routing header ({@link Envelope}), whether it is an EndDialog or an
 * Error, its message id, when SEND queued it, when its dialog's lifetime ends (R-CONV-11), the
 * sender's priority level, its {@link ForwardingBudget}, and its body. An empty body stands for
 * Service Broker's NULL body (R-OBJ-9). Instants travel as whole milliseconds. The priority is the
 * sender's level, for information: the receiver fixes its own endpoint's level (R-CONV-42) and
 * forwarders use 5 (R-FWD-10). The body is copied in and out, so the frame cannot change.
 */
public record MessageFrame(MessageKey key, Envelope envelope, boolean endOfDialog, boolean error, UUID messageId,
                           Instant sentAt, Instant lifetimeDeadline, int priority, ForwardingBudget budget,
                           byte[] body) implements DeliveryFrame {
    public static final int LOWEST_PRIORITY = 1;
    public static final int HIGHEST_PRIORITY = 10;
    public static final int DEFAULT_PRIORITY = 5;

    public MessageFrame {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(messageId, "messageId");
        sentAt = FieldRules.millis(sentAt, "sentAt");
        lifetimeDeadline = FieldRules.millis(lifetimeDeadline, "lifetimeDeadline");
        FieldRules.range(priority, LOWEST_PRIORITY, HIGHEST_PRIORITY, "priority");
        Objects.requireNonNull(budget, "budget");
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public FrameType type() {
        return FrameType.MESSAGE;
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageFrame m && key.equals(m.key) && envelope.equals(m.envelope)
                && endOfDialog == m.endOfDialog && error == m.error && messageId.equals(m.messageId)
                && sentAt.equals(m.sentAt) && lifetimeDeadline.equals(m.lifetimeDeadline) && priority == m.priority
                && budget.equals(m.budget) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, envelope, endOfDialog, error, messageId, sentAt, lifetimeDeadline, priority, budget)
                * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "MessageFrame[" + key + ", " + envelope + ", endOfDialog=" + endOfDialog + ", error=" + error
                + ", messageId=" + messageId + ", sentAt=" + sentAt + ", lifetimeDeadline=" + lifetimeDeadline
                + ", priority=" + priority + ", " + budget + ", body=" + body.length + " bytes]";
    }
}
