package io.parley.jms.message;

import jakarta.jms.ResourceAllocationException;
import java.util.Arrays;

/**
 * Appends the primitives of Parley's message encoding to a growing byte array: single bytes, big-endian fixed-width
 * numbers, LEB128 varints (zigzag for signed values), and length-prefixed byte arrays and strings. Strings are UTF-8,
 * with one extension so that every Java string survives: a surrogate without its partner is written as the
 * three-byte sequence of its code unit, which standard UTF-8 forbids.
 */
final class EncodingWriter {
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private byte[] buffer = new byte[256];
    private int size;

    void writeByte(int value) throws ResourceAllocationException {
        ensureCapacity(1);
        buffer[size++] = (byte) value;
    }

    /** Writes {@code value} as unsigned, seven bits a byte, lowest first, the high bit saying more follow. */
    void writeUnsignedVarint(long value) throws ResourceAllocationException {
        ensureCapacity(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
    }

    /** Writes {@code value} zigzag-encoded (0, -1, 1, -2 … become 0, 1, 2, 3 …) so small negatives stay short. */
    void writeSignedVarint(long value) throws ResourceAllocationException {
        writeUnsignedVarint((value << 1) ^ (value >> 63));
    }

    void writeFixed(long value, int byteCount) throws ResourceAllocationException {
        ensureCapacity(byteCount);
        for (int shift = (byteCount - 1) * 8; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    void writeBytes(byte[] bytes) throws ResourceAllocationException {
        writeUnsignedVarint(bytes.length);
        ensureCapacity(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    void writeString(String text) throws ResourceAllocationException {
        long encodedLength = encodedLength(text);
        if (encodedLength > MAX_LENGTH) {
            throw new ResourceAllocationException("a string of " + text.length() + " characters is too long to encode");
        }
        writeUnsignedVarint(encodedLength);
        ensureCapacity((int) encodedLength);
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c < 0x80) {
                buffer[size++] = (byte) c;
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xC0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (startsPair(text, index)) {
                int codePoint = Character.toCodePoint(c, text.charAt(++index));
                buffer[size++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
            } else {
                buffer[size++] = (byte) (0xE0 | (c >> 12));
                buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private static long encodedLength(String text) {
        long length = 0;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (startsPair(text, index)) {
                length += 4;
                index++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static boolean startsPair(String text, int index) {
        return Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1));
    }

    private void ensureCapacity(int more) throws ResourceAllocationException {
        if (more > MAX_LENGTH - size) {
            throw new ResourceAllocationException("the encoded message would be longer than " + MAX_LENGTH + " bytes");
        }
        if (size + more > buffer.length) {
            int doubled = buffer.length > MAX_LENGTH / 2 ? MAX_LENGTH : buffer.length * 2;
            buffer = Arrays.copyOf(buffer, Math.max(doubled, size + more));
        }
    }
}
