package io.parley.jms.message;

import jakarta.jms.MessageFormatException;
import java.util.function.Function;

/**
 * The conversion tables of Jakarta Messaging: how a value written as one type reads as another, for properties
 * (§3.5.4) and for the items of a MapMessage and the fields of a StreamMessage, whose tables add {@code char} and
 * {@code byte[]}. A null or absent value reads as the type's {@code valueOf((String) null)} would: false, a
 * {@link NumberFormatException} for the integral types, a {@link NullPointerException} for float, double and char.
 * Every failure names the value being read ({@code what}, e.g. "property 'count'").
 */
final class Conversions {
    private Conversions() {
    }

    static boolean toBoolean(Object value, String what) throws MessageFormatException {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value == null || value instanceof String) {
            return Boolean.parseBoolean((String) value);
        }
        throw notConvertible(value, "boolean", what);
    }

    static byte toByte(Object value, String what) throws MessageFormatException {
        if (value instanceof Byte number) {
            return number;
        }
        return parse(value, Byte::valueOf, "byte", what);
    }

    static short toShort(Object value, String what) throws MessageFormatException {
        if (value instanceof Byte || value instanceof Short) {
            return ((Number) value).shortValue();
        }
        return parse(value, Short::valueOf, "short", what);
    }

    static int toInt(Object value, String what) throws MessageFormatException {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return ((Number) value).intValue();
        }
        return parse(value, Integer::valueOf, "int", what);
    }

    static long toLong(Object value, String what) throws MessageFormatException {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        return parse(value, Long::valueOf, "long", what);
    }

    static float toFloat(Object value, String what) throws MessageFormatException {
        if (value instanceof Float number) {
            return number;
        }
        return parse(value, Float::valueOf, "float", what);
    }

    static double toDouble(Object value, String what) throws MessageFormatException {
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        return parse(value, Double::valueOf, "double", what);
    }

    static char toChar(Object value, String what) throws MessageFormatException {
        if (value instanceof Character character) {
            return character;
        }
        if (value == null) {
            throw new NullPointerException(what + " is null, and null cannot be read as char");
        }
        throw notConvertible(value, "char", what);
    }

    static String toText(Object value, String what) throws MessageFormatException {
        if (value instanceof byte[]) {
            throw notConvertible(value, "String", what);
        }
        return value == null ? null : value.toString();
    }

    static byte[] toBytes(Object value, String what) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw notConvertible(value, "byte[]", what);
    }

    /** The name of a value's type as the tables say it: Integer, String, byte[], or a class's full name. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        Class<?> type = value.getClass();
        return type.getPackageName().equals("java.lang") || type.isArray() ? type.getSimpleName() : type.getName();
    }

    /** A String (or null) read as a number, as the table allows; anything else is not convertible. */
    private static <T> T parse(Object value, Function<String, T> valueOf, String typeName, String what)
            throws MessageFormatException {
        if (value != null && !(value instanceof String)) {
            throw notConvertible(value, typeName, what);
        }
        String text = (String) value;
        try {
            return valueOf.apply(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(text == null
                    ? what + " is null, which is not a " + typeName
                    : what + " holds \"" + text + "\", which is not a " + typeName);
        } catch (NullPointerException e) {
            throw new NullPointerException(what + " is null, and null cannot be read as " + typeName);
        }
    }

    private static MessageFormatException notConvertible(Object value, String typeName, String what) {
        return new MessageFormatException(
                "cannot read " + what + " as " + typeName + ": it holds a value of type " + typeName(value));
    }
}
