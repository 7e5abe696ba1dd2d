package io.parley.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ResourceAllocationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Jakarta Messaging message whose body is a stream of uninterpreted bytes, written and read like
 * {@code DataOutputStream} and {@code DataInputStream} (big-endian, modified UTF-8 for {@link #writeUTF}). A new or
 * cleared message is in write-only mode; {@link #reset()}, and receiving, put it in read-only mode at the start of the
 * body. A read past the end is a {@link MessageEOFException} and leaves the position where it was.
 */
public final class ParleyBytesMessage extends ParleyMessage implements BytesMessage {
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_BODY_LENGTH = Integer.MAX_VALUE - 8;

    private byte[] data = EMPTY;
    private int size;
    private int position;

    @Override
    public long getBodyLength() throws MessageNotReadableException {
        checkReadable();
        return size;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return take(1, "boolean") != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        return (byte) take(1, "byte");
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return (int) take(1, "unsigned byte");
    }

    @Override
    public short readShort() throws JMSException {
        return (short) take(2, "short");
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return (int) take(2, "unsigned short");
    }

    @Override
    public char readChar() throws JMSException {
        return (char) take(2, "char");
    }

    @Override
    public int readInt() throws JMSException {
        return (int) take(4, "int");
    }

    @Override
    public long readLong() throws JMSException {
        return take(8, "long");
    }

    @Override
    public float readFloat() throws JMSException {
        return Float.intBitsToFloat((int) take(4, "float"));
    }

    @Override
    public double readDouble() throws JMSException {
        return Double.longBitsToDouble(take(8, "double"));
    }

    /** Reads a string written by {@link #writeUTF}; malformed modified UTF-8 is a {@link MessageFormatException}. */
    @Override
    public String readUTF() throws JMSException {
        checkReadable();
        requireRemaining(2, "string length");
        int encodedLength = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        requireRemaining(2 + encodedLength, "string of " + encodedLength + " bytes");
        String value;
        try {
            value = DataInputStream.readUTF(
                    new DataInputStream(new ByteArrayInputStream(data, position, 2 + encodedLength)));
        } catch (IOException e) {
            throw new MessageFormatException("the " + encodedLength + " bytes at position " + position
                    + " of the BytesMessage are not modified UTF-8: " + e.getMessage());
        }
        position += 2 + encodedLength;
        return value;
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        checkReadable();
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException(
                    "cannot read " + length + " bytes into an array of " + value.length);
        }
        int remaining = size - position;
        if (remaining == 0) {
            return -1;
        }
        int count = Math.min(length, remaining);
        System.arraycopy(data, position, value, 0, count);
        position += count;
        return count;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        append(value ? 1 : 0, 1);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        append(value, 1);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        append(value, 2);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        append(value, 2);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        append(value, 4);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        append(value, 8);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        append(Float.floatToIntBits(value), 4);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        append(Double.doubleToLongBits(value), 8);
    }

    /** Writes a string as modified UTF-8 after a two-byte length; one longer than 65535 bytes is refused. */
    @Override
    public void writeUTF(String value) throws JMSException {
        Objects.requireNonNull(value, "value");
        checkBodyWritable();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(value.length() + 2);
        try {
            new DataOutputStream(encoded).writeUTF(value);
        } catch (UTFDataFormatException e) {
            throw new MessageFormatException("cannot writeUTF a string of " + value.length()
                    + " characters: its modified UTF-8 form is longer than 65535 bytes");
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
        byte[] bytes = encoded.toByteArray();
        writeBytes(bytes, 0, bytes.length);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        writeBytes(value, 0, value.length);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        checkBodyWritable();
        ensureCapacity(length);
        System.arraycopy(value, offset, data, size, length);
        size += length;
    }

    /**
     * Writes a Boolean, Byte, Short, Character, Integer, Long, Float, Double, String (as {@link #writeUTF}) or byte[];
     * null is a {@link NullPointerException} and any other type a {@link MessageFormatException}.
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        Objects.requireNonNull(value, "a BytesMessage cannot write a null object");
        if (value instanceof Boolean bool) {
            writeBoolean(bool);
        } else if (value instanceof Byte number) {
            writeByte(number);
        } else if (value instanceof Short number) {
            writeShort(number);
        } else if (value instanceof Character character) {
            writeChar(character);
        } else if (value instanceof Integer number) {
            writeInt(number);
        } else if (value instanceof Long number) {
            writeLong(number);
        } else if (value instanceof Float number) {
            writeFloat(number);
        } else if (value instanceof Double number) {
            writeDouble(number);
        } else if (value instanceof String text) {
            writeUTF(text);
        } else if (value instanceof byte[] bytes) {
            writeBytes(bytes);
        } else {
            throw new MessageFormatException("a BytesMessage cannot write a " + Conversions.typeName(value)
                    + ": only the objectified primitive types, String and byte[]");
        }
    }

    @Override
    public void reset() {
        makeBodyReadOnly();
        rewind();
    }

    /**
     * The whole body, whatever the position; as the Javadoc of Message prescribes, the message is reset afterwards,
     * so it is in read-only mode at the start of its body even if it was being written.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        try {
            return super.getBody(c);
        } finally {
            reset();
        }
    }

    @Override
    BodyType bodyType() {
        return BodyType.BYTES;
    }

    @Override
    Object bodyOrNull() {
        return size == 0 ? null : content();
    }

    @Override
    void clearBodyContent() {
        data = EMPTY;
        size = 0;
        position = 0;
    }

    @Override
    void rewind() {
        position = 0;
    }

    /** A copy of the whole body, whatever the mode and position. */
    byte[] content() {
        return Arrays.copyOf(data, size);
    }

    /** Makes {@code bytes} the body, without copying, for the decoder. */
    void load(byte[] bytes) {
        data = bytes;
        size = bytes.length;
        position = 0;
    }

    private long take(int byteCount, String typeName) throws JMSException {
        checkReadable();
        requireRemaining(byteCount, typeName);
        long value = 0;
        for (int index = 0; index < byteCount; index++) {
            value = (value << 8) | (data[position + index] & 0xFF);
        }
        position += byteCount;
        return value;
    }

    private void requireRemaining(int byteCount, String what) throws MessageEOFException {
        int remaining = size - position;
        if (remaining < byteCount) {
            throw new MessageEOFException("cannot read a " + what + " of " + byteCount + " bytes: only " + remaining
                    + " of the BytesMessage's " + size + " bytes are left");
        }
    }

    private void append(long value, int byteCount) throws JMSException {
        checkBodyWritable();
        ensureCapacity(byteCount);
        for (int shift = (byteCount - 1) * 8; shift >= 0; shift -= 8) {
            data[size++] = (byte) (value >>> shift);
        }
    }

    private void ensureCapacity(int more) throws ResourceAllocationException {
        if (more > MAX_BODY_LENGTH - size) {
            throw new ResourceAllocationException("a BytesMessage body cannot grow past " + MAX_BODY_LENGTH
                    + " bytes; it has " + size + " and " + more + " more were written");
        }
        if (size + more > data.length) {
            int doubled = data.length > MAX_BODY_LENGTH / 2 ? MAX_BODY_LENGTH : data.length * 2;
            data = Arrays.copyOf(data, Math.max(Math.max(doubled, size + more), 64));
        }
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException(
                    "this BytesMessage is in write-only mode; reset() puts it in read-only mode to be read");
        }
    }
}
