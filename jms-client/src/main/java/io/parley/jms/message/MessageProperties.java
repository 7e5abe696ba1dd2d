package io.parley.jms.message;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of one message: values of the eight property types (or null) under valid property names, read
 * through the conversions of {@link Conversions}. A client's writes follow the rules of Jakarta Messaging: valid
 * names, only the allowed value types, no JMSX property the provider sets, and nothing at all while the properties
 * are read-only, which they are on a received message until {@link #clear()}.
 */
final class MessageProperties {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    boolean exists(String name) {
        return values.containsKey(name);
    }

    Object get(String name) {
        return values.get(name);
    }

    boolean getBoolean(String name) throws MessageFormatException {
        return Conversions.toBoolean(values.get(name), describe(name));
    }

    byte getByte(String name) throws MessageFormatException {
        return Conversions.toByte(values.get(name), describe(name));
    }

    short getShort(String name) throws MessageFormatException {
        return Conversions.toShort(values.get(name), describe(name));
    }

    int getInt(String name) throws MessageFormatException {
        return Conversions.toInt(values.get(name), describe(name));
    }

    long getLong(String name) throws MessageFormatException {
        return Conversions.toLong(values.get(name), describe(name));
    }

    float getFloat(String name) throws MessageFormatException {
        return Conversions.toFloat(values.get(name), describe(name));
    }

    double getDouble(String name) throws MessageFormatException {
        return Conversions.toDouble(values.get(name), describe(name));
    }

    String getString(String name) throws MessageFormatException {
        return Conversions.toText(values.get(name), describe(name));
    }

    /** The names, in the order they were first set, as of now: later changes do not show in the enumeration. */
    Enumeration<String> names() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    /** The properties as they are, for the encoder; not to be changed. */
    Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Sets a property on behalf of a client: {@link IllegalArgumentException} for a name that is not a valid identifier
     * or is a JMSX name a client may not set, {@link MessageNotWriteableException} while read-only, and
     * {@link MessageFormatException} for a value no property (or not this JMSX property) can hold.
     */
    void set(String name, Object value) throws MessageNotWriteableException, MessageFormatException {
        PropertyNames.requireValid(name);
        if (readOnly) {
            throw new MessageNotWriteableException("cannot set property '" + name
                    + "': the properties of a received message are read-only until clearProperties() is called");
        }
        if (!isPropertyValue(value)) {
            throw new MessageFormatException("property '" + name + "' cannot hold a value of type "
                    + Conversions.typeName(value)
                    + ": only Boolean, Byte, Short, Integer, Long, Float, Double and String");
        }
        if (name.startsWith(JmsxProperty.PREFIX)) {
            checkClientMaySet(name, value);
        }
        values.put(name, value);
    }

    /** Stores a property whatever the read-only state, for the provider and the decoder, which check it first. */
    void put(String name, Object value) {
        values.put(name, value);
    }

    /** Removes every property and makes the properties writable again. */
    void clear() {
        values.clear();
        readOnly = false;
    }

    void makeReadOnly() {
        readOnly = true;
    }

    /**
     * Why no message can hold this property, or null when one can: an invalid name, a value of a type properties do
     * not have, a JMSX name Jakarta Messaging does not define, or a JMSX property's value of the wrong type.
     */
    static String problemWith(String name, Object value) {
        String problem = PropertyNames.whyInvalid(name);
        if (problem != null) {
            return problem;
        }
        if (!isPropertyValue(value)) {
            return "property '" + name + "' cannot hold a value of type " + Conversions.typeName(value);
        }
        if (name.startsWith(JmsxProperty.PREFIX)) {
            JmsxProperty jmsx = JmsxProperty.named(name);
            if (jmsx == null) {
                return "property name '" + name + "' has the JMSX prefix but is no property Jakarta Messaging defines";
            }
            if (!jmsx.accepts(value)) {
                return name + " holds " + jmsx.valueType().getSimpleName() + ", not " + Conversions.typeName(value);
            }
        }
        return null;
    }

    /** Whether a property can hold {@code value}: one of the seven objectified primitives, a String, or null. */
    static boolean isPropertyValue(Object value) {
        return value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String;
    }

    private static void checkClientMaySet(String name, Object value) throws MessageFormatException {
        JmsxProperty jmsx = JmsxProperty.named(name);
        if (jmsx == null) {
            throw new IllegalArgumentException("property name '" + name
                    + "' has the JMSX prefix, which Jakarta Messaging reserves for the properties it defines");
        }
        if (!jmsx.isSetByClient()) {
            throw new IllegalArgumentException(name + " is set by the provider, not by clients");
        }
        if (!jmsx.accepts(value)) {
            throw new MessageFormatException(
                    name + " holds " + jmsx.valueType().getSimpleName() + ", not " + Conversions.typeName(value));
        }
    }

    private static String describe(String name) {
        return "property '" + name + "'";
    }
}
