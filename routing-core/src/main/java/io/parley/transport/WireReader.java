package io.parley.transport;

import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads the fields of one frame from its buffer, checking before each read that the field is all
 * there, so that a short or lying frame fails with the name of the field rather than an index
 * error. Reads only; the buffer stays the caller's to release.
 */
final class WireReader {
    private final ByteBuf in;
    private String frame = "frame";

    WireReader(ByteBuf in) {
        this.in = in;
    }

    /** Names the frame being read in later error messages. */
    void reading(FrameType type) {
        frame = type + " frame";
    }

    int unsignedByte(String field) {
        need(1, field);
        return in.readUnsignedByte();
    }

    int unsignedShort(String field) {
        need(2, field);
        return in.readUnsignedShort();
    }

    int int32(String field) {
        need(4, field);
        return in.readInt();
    }

    long int64(String field) {
        need(8, field);
        return in.readLong();
    }

    UUID uuid(String field) {
        need(16, field);
        return new UUID(in.readLong(), in.readLong());
    }

    Instant instant(String field) {
        return Instant.ofEpochMilli(int64(field));
    }

    /** A string: an unsigned 16-bit length, then that many bytes of strict UTF-8. */
    String string(String field, int maxBytes) {
        int length = unsignedShort(field);
        if (length > maxBytes) {
            throw malformed(field + " is " + length + " bytes; the limit is " + maxBytes);
        }
        need(length, field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in.nioBuffer(in.readerIndex(), length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(field + " is not valid UTF-8");
        } finally {
            in.skipBytes(length);
        }
    }

    /** A byte string: a signed 32-bit length that must not be negative, then that many bytes. */
    byte[] bytes(String field) {
        int length = int32(field);
        if (length < 0) {
            throw malformed(field + " has a negative length " + length);
        }
        need(length, field);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    /** Checks that nothing follows the last field. */
    void end() {
        if (in.isReadable()) {
            throw malformed(in.readableBytes() + " stray bytes after the end of the " + frame);
        }
    }

    BadFrameException malformed(String problem) {
        return new BadFrameException(CloseCause.MALFORMED_FRAME, frame + ": " + problem);
    }

    private void need(int bytes, String field) {
        if (in.readableBytes() < bytes) {
            throw malformed("it ends inside field " + field);
        }
    }
}
