package io.parley.jms.message;

import java.util.Arrays;

/**
 * Reads the primitives {@link EncodingWriter} writes, from bytes that may be hostile: every read is checked against
 * the bytes left, every length and count before anything is allocated for it, so a forged length costs nothing;
 * varints must be minimal and strings the writer's UTF-8, so each value has one encoding. Any problem is a
 * {@link MalformedMessageException} saying what was being read ({@code what}) and at which byte.
 */
final class EncodingReader {
    private final byte[] input;
    private int position;

    EncodingReader(byte[] input) {
        this.input = input;
    }

    int position() {
        return position;
    }

    int remaining() {
        return input.length - position;
    }

    int readByte(String what) throws MalformedMessageException {
        requireRemaining(1, what);
        return input[position++] & 0xFF;
    }

    long readUnsignedVarint(String what) throws MalformedMessageException {
        int start = position;
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            if (position == input.length) {
                throw new MalformedMessageException("the input ends inside " + what, start);
            }
            int next = input[position++] & 0xFF;
            if (shift == 63 && next > 1) {
                throw new MalformedMessageException(what + " is a varint of more than 64 bits", start);
            }
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                if (next == 0 && shift > 0) {
                    throw new MalformedMessageException(what + " is a varint with a needless zero byte", start);
                }
                return value;
            }
        }
    }

    long readSignedVarint(String what) throws MalformedMessageException {
        long zigzag = readUnsignedVarint(what);
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    int readSignedInt(String what) throws MalformedMessageException {
        int start = position;
        long value = readSignedVarint(what);
        if (value != (int) value) {
            throw new MalformedMessageException(what + " is " + value + ", outside the range of int", start);
        }
        return (int) value;
    }

    long readFixed(int byteCount, String what) throws MalformedMessageException {
        requireRemaining(byteCount, what);
        long value = 0;
        for (int index = 0; index < byteCount; index++) {
            value = (value << 8) | (input[position++] & 0xFF);
        }
        return value;
    }

    /**
     * A count of items that follow, each at least one byte long, so a count larger than the bytes left is a lie.
     */
    int readCount(String what) throws MalformedMessageException {
        int start = position;
        long count = readUnsignedVarint(what);
        if (Long.compareUnsigned(count, remaining()) > 0) {
            throw new MalformedMessageException(what + " is " + Long.toUnsignedString(count) + " but only "
                    + remaining() + " bytes are left", start);
        }
        return (int) count;
    }

    byte[] readBytes(String what) throws MalformedMessageException {
        int length = readLength(what);
        byte[] bytes = Arrays.copyOfRange(input, position, position + length);
        position += length;
        return bytes;
    }

    String readString(String what) throws MalformedMessageException {
        int length = readLength(what);
        String text = decodeUtf8(position, position + length, what);
        position += length;
        return text;
    }

    /** Refuses bytes after the end of the message. */
    void requireEnd() throws MalformedMessageException {
        if (position != input.length) {
            throw new MalformedMessageException(
                    remaining() + " bytes follow the end of the message, where there should be none", position);
        }
    }

    private int readLength(String what) throws MalformedMessageException {
        int start = position;
        long length = readUnsignedVarint("the length of " + what);
        if (Long.compareUnsigned(length, remaining()) > 0) {
            throw new MalformedMessageException(what + " is " + Long.toUnsignedString(length)
                    + " bytes long but only " + remaining() + " bytes are left", start);
        }
        return (int) length;
    }

    private void requireRemaining(int byteCount, String what) throws MalformedMessageException {
        if (remaining() < byteCount) {
            throw new MalformedMessageException("the input ends inside " + what + ", which takes " + byteCount
                    + " bytes; " + remaining() + " are left", position);
        }
    }

    /**
     * Decodes the writer's UTF-8: no overlong forms, nothing above U+10FFFF, and a surrogate in three bytes only when
     * it has no partner, since a pair is always written as one four-byte sequence.
     */
    private String decodeUtf8(int start, int end, String what) throws MalformedMessageException {
        char[] chars = new char[end - start];
        int count = 0;
        boolean afterLoneHighSurrogate = false;
        int index = start;
        while (index < end) {
            int lead = input[index] & 0xFF;
            int length;
            int codePoint;
            if (lead < 0x80) {
                length = 1;
                codePoint = lead;
            } else if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
                codePoint = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                codePoint = lead & 0x0F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                codePoint = lead & 0x07;
            } else {
                throw new MalformedMessageException(
                        what + " has byte 0x" + Integer.toHexString(lead) + ", which begins no UTF-8 sequence", index);
            }
            if (end - index < length) {
                throw new MalformedMessageException(what + " ends inside a UTF-8 sequence", index);
            }
            for (int offset = 1; offset < length; offset++) {
                int continuation = input[index + offset] & 0xFF;
                if ((continuation & 0xC0) != 0x80) {
                    throw new MalformedMessageException(what + " has a UTF-8 sequence cut short", index + offset);
                }
                codePoint = (codePoint << 6) | (continuation & 0x3F);
            }
            if (length == 3 && codePoint < 0x800 || length == 4 && (codePoint < 0x10000 || codePoint > 0x10FFFF)) {
                throw new MalformedMessageException(what + " has an overlong or out-of-range UTF-8 sequence", index);
            }
            boolean surrogate = length == 3 && Character.isSurrogate((char) codePoint);
            if (surrogate && afterLoneHighSurrogate && Character.isLowSurrogate((char) codePoint)) {
                throw new MalformedMessageException(
                        what + " writes a surrogate pair as two sequences instead of one", index);
            }
            afterLoneHighSurrogate = surrogate && Character.isHighSurrogate((char) codePoint);
            if (length == 4) {
                chars[count++] = Character.highSurrogate(codePoint);
                chars[count++] = Character.lowSurrogate(codePoint);
            } else {
                chars[count++] = (char) codePoint;
            }
            index += length;
        }
        return new String(chars, 0, count);
    }
}
