package io.parley.jms.message;

import jakarta.jms.ResourceAllocationException;

/**
 * The typed values of the encoding (properties, map items, stream fields): a tag byte naming the Java type, then
 * the value. The tags are fixed once released; a new type gets a new tag and an old tag is never reused.
 */
final class WireValues {
    static final int NULL = 0x00;
    static final int FALSE = 0x01;
    static final int TRUE = 0x02;
    static final int BYTE = 0x03;
    static final int SHORT = 0x04;
    static final int CHAR = 0x05;
    static final int INT = 0x06;
    static final int LONG = 0x07;
    static final int FLOAT = 0x08;
    static final int DOUBLE = 0x09;
    static final int STRING = 0x0A;
    static final int BYTES = 0x0B;

    private WireValues() {
    }

    /** Writes a value a message can hold; floating point keeps its exact bits, NaN payloads included. */
    static void write(EncodingWriter out, Object value) throws ResourceAllocationException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean bool) {
            out.writeByte(bool ? TRUE : FALSE);
        } else if (value instanceof Byte number) {
            out.writeByte(BYTE);
            out.writeByte(number);
        } else if (value instanceof Short number) {
            out.writeByte(SHORT);
            out.writeFixed(number, 2);
        } else if (value instanceof Character character) {
            out.writeByte(CHAR);
            out.writeFixed(character, 2);
        } else if (value instanceof Integer number) {
            out.writeByte(INT);
            out.writeSignedVarint(number);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeSignedVarint(number);
        } else if (value instanceof Float number) {
            out.writeByte(FLOAT);
            out.writeFixed(Float.floatToRawIntBits(number), 4);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeFixed(Double.doubleToRawLongBits(number), 8);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            out.writeString(text);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeBytes(bytes);
        } else {
            throw new IllegalStateException("a message holds a " + value.getClass().getName()
                    + ", which its setters should have refused");
        }
    }

    static Object read(EncodingReader in, String what) throws MalformedMessageException {
        int tagPosition = in.position();
        int tag = in.readByte("the type of " + what);
        return switch (tag) {
            case NULL -> null;
            case FALSE -> false;
            case TRUE -> true;
            case BYTE -> (byte) in.readByte(what);
            case SHORT -> (short) in.readFixed(2, what);
            case CHAR -> (char) in.readFixed(2, what);
            case INT -> in.readSignedInt(what);
            case LONG -> in.readSignedVarint(what);
            case FLOAT -> Float.intBitsToFloat((int) in.readFixed(4, what));
            case DOUBLE -> Double.longBitsToDouble(in.readFixed(8, what));
            case STRING -> in.readString(what);
            case BYTES -> in.readBytes(what);
            default -> throw new MalformedMessageException(what + " has the unknown type tag 0x"
                    + Integer.toHexString(tag), tagPosition);
        };
    }
}
