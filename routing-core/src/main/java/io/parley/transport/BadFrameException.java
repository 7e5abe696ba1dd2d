package io.parley.transport;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * Bytes that do not make an acceptable frame, with the {@link CloseCause} the connection ends
 * with. Thrown by the decoders; the connection's guard refuses and closes the connection.
 */
final class BadFrameException extends CorruptedFrameException {
    private final CloseCause reason;

    BadFrameException(CloseCause reason, String message) {
        super(message);
        this.reason = reason;
    }

    CloseCause reason() {
        return reason;
    }
}
