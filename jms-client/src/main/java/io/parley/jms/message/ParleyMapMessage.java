package io.parley.jms.message;

import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Jakarta Messaging message whose body is a set of named values of the primitive types, String and byte[], read
 * through the MapMessage conversion table ({@link Conversions}). Names are any non-empty strings; byte arrays are
 * copied in and out. An empty map is no body. The body is read-only on a received message until {@link #clearBody()}.
 */
public final class ParleyMapMessage extends ParleyMessage implements MapMessage {
    private final Map<String, Object> items = new LinkedHashMap<>();

    @Override
    public boolean getBoolean(String name) throws MessageFormatException {
        return Conversions.toBoolean(items.get(name), describe(name));
    }

    @Override
    public byte getByte(String name) throws MessageFormatException {
        return Conversions.toByte(items.get(name), describe(name));
    }

    @Override
    public short getShort(String name) throws MessageFormatException {
        return Conversions.toShort(items.get(name), describe(name));
    }

    @Override
    public char getChar(String name) throws MessageFormatException {
        return Conversions.toChar(items.get(name), describe(name));
    }

    @Override
    public int getInt(String name) throws MessageFormatException {
        return Conversions.toInt(items.get(name), describe(name));
    }

    @Override
    public long getLong(String name) throws MessageFormatException {
        return Conversions.toLong(items.get(name), describe(name));
    }

    @Override
    public float getFloat(String name) throws MessageFormatException {
        return Conversions.toFloat(items.get(name), describe(name));
    }

    @Override
    public double getDouble(String name) throws MessageFormatException {
        return Conversions.toDouble(items.get(name), describe(name));
    }

    @Override
    public String getString(String name) throws MessageFormatException {
        return Conversions.toText(items.get(name), describe(name));
    }

    @Override
    public byte[] getBytes(String name) throws MessageFormatException {
        return Conversions.toBytes(items.get(name), describe(name));
    }

    @Override
    public Object getObject(String name) {
        return copyOf(items.get(name));
    }

    /** The names, in the order they were first set, as of now: later changes do not show in the enumeration. */
    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new ArrayList<>(items.keySet()));
    }

    @Override
    public boolean itemExists(String name) {
        return items.containsKey(name);
    }

    @Override
    public void setBoolean(String name, boolean value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws MessageNotWriteableException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws MessageNotWriteableException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws MessageNotWriteableException {
        Objects.checkFromIndexSize(offset, length, value.length);
        byte[] part = new byte[length];
        System.arraycopy(value, offset, part, 0, length);
        put(name, part);
    }

    @Override
    public void setObject(String name, Object value) throws MessageNotWriteableException, MessageFormatException {
        checkCanPut(name);
        if (!isBodyValue(value)) {
            throw new MessageFormatException("map item '" + name + "' cannot hold a value of type "
                    + Conversions.typeName(value)
                    + ": only Boolean, Byte, Short, Character, Integer, Long, Float, Double, String and byte[]");
        }
        items.put(name, copyOf(value));
    }

    @Override
    BodyType bodyType() {
        return BodyType.MAP;
    }

    /** A copy the caller may change, with byte arrays copied too, or null for an empty map. */
    @Override
    Object bodyOrNull() {
        if (items.isEmpty()) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        items.forEach((name, value) -> copy.put(name, copyOf(value)));
        return copy;
    }

    /** The Javadoc of getBody asks for Map (or Object), whatever class of map the body is. */
    @Override
    Class<?> assignableClass(Object body) {
        return Map.class;
    }

    @Override
    void clearBodyContent() {
        items.clear();
    }

    /** The items as they are, for the encoder; not to be changed. */
    Map<String, Object> items() {
        return Collections.unmodifiableMap(items);
    }

    /** Stores an item the decoder has checked, whatever the read-only state. */
    void load(String name, Object value) {
        items.put(name, value);
    }

    /**
     * Whether a MapMessage item or a StreamMessage field can hold {@code value}: one of the eight objectified
     * primitives, a String, a byte array, or null.
     */
    static boolean isBodyValue(Object value) {
        return MessageProperties.isPropertyValue(value) || value instanceof Character || value instanceof byte[];
    }

    private void put(String name, Object value) throws MessageNotWriteableException {
        checkCanPut(name);
        items.put(name, value);
    }

    private void checkCanPut(String name) throws MessageNotWriteableException {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a map item's name must not be null or empty");
        }
        checkBodyWritable();
    }

    private static Object copyOf(Object value) {
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    private static String describe(String name) {
        return "map item '" + name + "'";
    }
}
