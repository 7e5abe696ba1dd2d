package io.parley.transport;

import java.util.Objects;

/**
 * The first frame of every connection, sent by the side that connected: the protocol versions it
 * speaks, who it is, and the largest frame it accepts (bytes after the length prefix).
 */
record Hello(int lowestVersion, int highestVersion, NodeIdentity identity, int maxFrameSize) implements Frame {

    Hello {
        FieldRules.range(lowestVersion, 1, 255, "lowestVersion");
        FieldRules.range(highestVersion, lowestVersion, 255, "highestVersion");
        Objects.requireNonNull(identity, "identity");
        FieldRules.range(maxFrameSize, TransportSettings.MIN_FRAME_SIZE, TransportSettings.MAX_FRAME_SIZE, "maxFrameSize");
    }

    @Override
    public FrameType type() {
        return FrameType.HELLO;
    }
}
