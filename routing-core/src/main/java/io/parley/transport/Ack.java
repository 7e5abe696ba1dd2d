package io.parley.transport;

import java.util.Objects;
import java.util.UUID;

/**
 * The destination broker's acknowledgement of one message: it is committed in the target queue,
 * or was already (R-PROTO-7), or was dropped for good because its endpoint has ended; either way
 * the sender may delete its copy (R-PROTO-13). Only the destination acknowledges, never a
 * forwarder (R-FWD-5). The first acknowledgement of a dialog binds it to
 * {@code acknowledgingBroker} (R-ROUTE-27).
 */
public record Ack(MessageKey message, UUID acknowledgingBroker) implements DeliveryFrame {

    public Ack {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(acknowledgingBroker, "acknowledgingBroker");
    }

    @Override
    public FrameType type() {
        return FrameType.ACK;
    }
}
