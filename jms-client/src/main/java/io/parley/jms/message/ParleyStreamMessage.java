package io.parley.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A Jakarta Messaging message whose body is a sequence of typed fields (the primitive types, String, byte[] or null),
 * written in order and read in order through the StreamMessage conversion table ({@link Conversions}). A read whose
 * conversion fails leaves the position on the same field, so it can be read again as another type; a byte[] field
 * begun with {@link #readBytes} must be finished before the next field. A new or cleared message is in write-only
 * mode; {@link #reset()}, and receiving, put it in read-only mode at the first field.
 */
public final class ParleyStreamMessage extends ParleyMessage implements StreamMessage {
    private static final int NOT_READING_BYTES = -1;

    private final List<Object> fields = new ArrayList<>();
    private int next;
    private int bytesRead = NOT_READING_BYTES;

    @Override
    public boolean readBoolean() throws JMSException {
        return read(Conversions::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(Conversions::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(Conversions::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(Conversions::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(Conversions::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(Conversions::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(Conversions::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(Conversions::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return read(Conversions::toText);
    }

    /**
     * Reads the next byte[] field in pieces of up to {@code value.length} bytes: a piece shorter than the buffer ends
     * the field, and once a piece filled the buffer exactly, the next call returns -1 to end it. A null field returns
     * -1 and an empty one 0, each in one call.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        Objects.requireNonNull(value, "value");
        checkReadable();
        if (bytesRead == NOT_READING_BYTES) {
            Object field = fieldAtPosition();
            if (field == null) {
                next++;
                return -1;
            }
            if (!(field instanceof byte[] bytes)) {
                throw new MessageFormatException(
                        "cannot read " + describe() + " as byte[]: it holds a " + Conversions.typeName(field));
            }
            if (bytes.length == 0) {
                next++;
                return 0;
            }
            bytesRead = 0;
        }
        byte[] field = (byte[]) fields.get(next);
        int remaining = field.length - bytesRead;
        if (remaining == 0) {
            endBytesField();
            return -1;
        }
        int count = Math.min(remaining, value.length);
        System.arraycopy(field, bytesRead, value, 0, count);
        bytesRead += count;
        if (count < value.length) {
            endBytesField();
        }
        return count;
    }

    /** The next field as it was written, objectified; a byte[] field is returned as a new array. */
    @Override
    public Object readObject() throws JMSException {
        Object field = nextField();
        next++;
        return field instanceof byte[] bytes ? bytes.clone() : field;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        write(value);
    }

    /** Writes a copy of {@code value} as one field; a null array is written as a null field. */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        byte[] part = new byte[length];
        System.arraycopy(value, offset, part, 0, length);
        write(part);
    }

    /**
     * Writes a Boolean, Byte, Short, Character, Integer, Long, Float, Double, String, byte[] (copied) or null as one
     * field; any other type is a {@link MessageFormatException}.
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (!ParleyMapMessage.isBodyValue(value)) {
            throw new MessageFormatException("a StreamMessage cannot hold a " + Conversions.typeName(value)
                    + ": only the objectified primitive types, String, byte[] and null");
        }
        write(value instanceof byte[] bytes ? bytes.clone() : value);
    }

    @Override
    public void reset() {
        makeBodyReadOnly();
        rewind();
    }

    /** Always a {@link MessageFormatException}: the Javadoc of Message excludes StreamMessage from getBody. */
    @Override
    public <T> T getBody(Class<T> c) throws MessageFormatException {
        throw new MessageFormatException("the body of a StreamMessage cannot be had with getBody(" + c.getTypeName()
                + "); read its fields with readObject()");
    }

    /** Always false: no type can receive a StreamMessage's body through getBody. */
    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        return false;
    }

    @Override
    BodyType bodyType() {
        return BodyType.STREAM;
    }

    @Override
    void clearBodyContent() {
        fields.clear();
        rewind();
    }

    @Override
    void rewind() {
        next = 0;
        bytesRead = NOT_READING_BYTES;
    }

    /** The fields as they are, for the encoder; not to be changed. */
    List<Object> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** Appends a field the decoder has checked, whatever the mode. */
    void load(Object field) {
        fields.add(field);
    }

    /** Reads the next field through {@code conversion}; when it fails, the position stays on that field. */
    private <T> T read(Conversion<T> conversion) throws JMSException {
        T value = conversion.apply(nextField(), describe());
        next++;
        return value;
    }

    /** The field at the position, refused while a byte[] field is only partly read. */
    private Object nextField() throws JMSException {
        checkReadable();
        if (bytesRead != NOT_READING_BYTES) {
            throw new MessageFormatException("field " + next + " of the StreamMessage is a byte[] only partly read;"
                    + " finish it with readBytes before reading the next field");
        }
        return fieldAtPosition();
    }

    private Object fieldAtPosition() throws MessageEOFException {
        if (next >= fields.size()) {
            throw new MessageEOFException("the StreamMessage has no more fields: all " + fields.size() + " were read");
        }
        return fields.get(next);
    }

    private void endBytesField() {
        next++;
        bytesRead = NOT_READING_BYTES;
    }

    private void write(Object value) throws JMSException {
        checkBodyWritable();
        fields.add(value);
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException(
                    "this StreamMessage is in write-only mode; reset() puts it in read-only mode to be read");
        }
    }

    private String describe() {
        return "field " + next + " of the StreamMessage";
    }

    /** One row of the conversion table: a field's value read as one type. */
    @FunctionalInterface
    private interface Conversion<T> {
        T apply(Object value, String what) throws MessageFormatException;
    }
}
