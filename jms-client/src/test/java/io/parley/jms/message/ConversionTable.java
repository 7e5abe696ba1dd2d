package io.parley.jms.message;

import static io.parley.jms.message.ConversionTable.Type.BOOLEAN;
import static io.parley.jms.message.ConversionTable.Type.BYTE;
import static io.parley.jms.message.ConversionTable.Type.BYTES;
import static io.parley.jms.message.ConversionTable.Type.CHAR;
import static io.parley.jms.message.ConversionTable.Type.DOUBLE;
import static io.parley.jms.message.ConversionTable.Type.FLOAT;
import static io.parley.jms.message.ConversionTable.Type.INT;
import static io.parley.jms.message.ConversionTable.Type.LONG;
import static io.parley.jms.message.ConversionTable.Type.SHORT;
import static io.parley.jms.message.ConversionTable.Type.STRING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The conversion tables of Jakarta Messaging written out as data: which type a value written as one type can be read
 * as, and what it then reads as. Properties use the eight types of §3.5.4; MapMessage and StreamMessage add char and
 * byte[]. Each test walks every cell, so a cell the code gets wrong fails by name ("BYTE read as CHAR").
 */
final class ConversionTable {

    /** A type of the tables with the value each test writes for it. */
    enum Type {
        BOOLEAN("boolean", true),
        BYTE("byte", (byte) -7),
        SHORT("short", (short) -300),
        CHAR("char", 'x'),
        INT("int", -70_000),
        LONG("long", -5_000_000_000L),
        FLOAT("float", 1.5f),
        DOUBLE("double", -2.25),
        STRING("String", "42"),
        BYTES("byte[]", new byte[] {1, 2, 3});

        final String javaName;
        private final Object sample;

        Type(String javaName, Object sample) {
            this.javaName = javaName;
            this.sample = sample;
        }

        Object sample() {
            return sample instanceof byte[] bytes ? bytes.clone() : sample;
        }
    }

    /** The marked cells: a value written as the key can be read as each type of the value. */
    static final Map<Type, Set<Type>> READABLE_AS = Map.of(
            BOOLEAN, EnumSet.of(BOOLEAN, STRING),
            BYTE, EnumSet.of(BYTE, SHORT, INT, LONG, STRING),
            SHORT, EnumSet.of(SHORT, INT, LONG, STRING),
            CHAR, EnumSet.of(CHAR, STRING),
            INT, EnumSet.of(INT, LONG, STRING),
            LONG, EnumSet.of(LONG, STRING),
            FLOAT, EnumSet.of(FLOAT, DOUBLE, STRING),
            DOUBLE, EnumSet.of(DOUBLE, STRING),
            STRING, EnumSet.of(BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING),
            BYTES, EnumSet.of(BYTES));

    static final Set<Type> PROPERTY_TYPES = EnumSet.of(BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING);
    static final Set<Type> BODY_TYPES = EnumSet.allOf(Type.class);

    private ConversionTable() {
    }

    /** One cell: the sample of {@code written} read as {@code read}. */
    record Cell(Type written, Type read) {
        boolean allowed() {
            return READABLE_AS.get(written).contains(read);
        }

        /** What the read returns in an allowed cell, boxed. */
        Object expected() {
            Object sample = written.sample();
            if (read == STRING) {
                return written == BYTES ? null : String.valueOf(sample);
            }
            if (written == STRING) {
                String text = (String) sample;
                return switch (read) {
                    case BOOLEAN -> Boolean.valueOf(text);
                    case BYTE -> Byte.valueOf(text);
                    case SHORT -> Short.valueOf(text);
                    case INT -> Integer.valueOf(text);
                    case LONG -> Long.valueOf(text);
                    case FLOAT -> Float.valueOf(text);
                    case DOUBLE -> Double.valueOf(text);
                    default -> throw new IllegalStateException(this + " is not a marked cell");
                };
            }
            return switch (read) {
                case SHORT -> ((Number) sample).shortValue();
                case INT -> ((Number) sample).intValue();
                case LONG -> ((Number) sample).longValue();
                case DOUBLE -> ((Number) sample).doubleValue();
                default -> sample;
            };
        }

        @Override
        public String toString() {
            return written + " read as " + read;
        }
    }

    /** Every cell of the table over {@code types}, marked or not. */
    static Stream<Cell> cells(Set<Type> types) {
        return types.stream().flatMap(written -> types.stream().map(read -> new Cell(written, read)));
    }
}
