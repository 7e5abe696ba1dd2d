package io.parley.transport;

import java.util.Objects;

/**
 * The accepting side's answer to a {@link Hello} it takes: the protocol version both will write
 * from now on, who the accepting node is, and the largest frame it accepts.
 */
record HelloAccepted(int version, NodeIdentity identity, int maxFrameSize) implements Frame {

    HelloAccepted {
        FieldRules.range(version, 1, 255, "version");
        Objects.requireNonNull(identity, "identity");
        FieldRules.range(maxFrameSize, TransportSettings.MIN_FRAME_SIZE, TransportSettings.MAX_FRAME_SIZE, "maxFrameSize");
    }

    @Override
    public FrameType type() {
        return FrameType.HELLO_ACCEPTED;
    }
}
