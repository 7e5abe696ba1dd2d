package io.parley.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * Bytes that are not a message in Parley's encoding: truncated, carrying an unknown version, a length longer than
 * what follows, a name or value no message can hold, or bytes left over after the body. The message says what was
 * wrong and {@link #offset()} where, counted from the first byte of the encoding.
 */
public final class MalformedMessageException extends MessageFormatException {
    private final int offset;

    public MalformedMessageException(String problem, int offset) {
        super("malformed Parley message encoding at byte " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Where in the encoded bytes the problem is. */
    public int offset() {
        return offset;
    }
}
