package io.parley.transport;

import java.util.Optional;

/**
 * The kinds of frame and the code each carries in its type byte. Codes never change and are never
 * reused; a new kind of frame comes with a new protocol version ({@link #sinceVersion()}). HELLO,
 * HELLO_ACCEPTED and REFUSED are frozen: every version writes them in their version 1 layout, so
 * that two nodes of any versions can always agree on one, or say why not.
 */
public enum FrameType {
    HELLO(1, 1, true),
    HELLO_ACCEPTED(2, 1, true),
    REFUSED(3, 1, true),
    MESSAGE(4, 1, false),
    ACK(5, 1, false),
    NACK(6, 1, false),
    KEEPALIVE(7, 1, false);

    private final int code;
    private final int sinceVersion;
    private final boolean frozen;

    FrameType(int code, int sinceVersion, boolean frozen) {
        this.code = code;
        this.sinceVersion = sinceVersion;
        this.frozen = frozen;
    }

    /** The type byte on the wire. */
    public int code() {
        return code;
    }

    /** The protocol version that introduced this kind of frame. */
    public int sinceVersion() {
        return sinceVersion;
    }

    /** True when the frame is always written in its version 1 layout, whatever version was agreed. */
    public boolean frozen() {
        return frozen;
    }

    /** The kind of frame with this type byte, if this node knows it. */
    public static Optional<FrameType> ofCode(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
