package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.jms.message.ConversionTable.Cell;
import io.parley.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every method of MapMessage: the conversion table cell by cell, absent and null items, names and copies. */
class MapMessageTest {

    static Stream<Cell> bodyCells() {
        return ConversionTable.cells(ConversionTable.BODY_TYPES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyCells")
    void eachCellOfTheTableReadsOrFails(Cell cell) throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        set(message, "item", cell.written(), cell.written().sample());

        if (cell.allowed()) {
            assertThat(get(message, "item", cell.read())).isEqualTo(cell.expected());
        } else {
            assertThatThrownBy(() -> get(message, "item", cell.read()))
                    .isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("map item 'item'")
                    .hasMessageContaining(" as " + cell.read().javaName);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyCells")
    void setObjectConvertsExactlyAsTheTypedSetter(Cell cell) throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        message.setObject("item", cell.written().sample());

        assertThat(message.getObject("item")).isEqualTo(cell.written().sample());
        if (cell.allowed()) {
            assertThat(get(message, "item", cell.read())).isEqualTo(cell.expected());
        } else {
            assertThatThrownBy(() -> get(message, "item", cell.read())).isInstanceOf(MessageFormatException.class);
        }
    }

    @Test
    void anAbsentOrNullItemReadsAsValueOfNullWould() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        message.setString("null", null);

        for (String name : new String[] {"null", "absent"}) {
            assertThat(message.getBoolean(name)).isFalse();
            assertThatThrownBy(() -> message.getByte(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getShort(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getInt(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getLong(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> message.getFloat(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> message.getDouble(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> message.getChar(name))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("map item '" + name + "'");
            assertThat(message.getString(name)).isNull();
            assertThat(message.getBytes(name)).isNull();
            assertThat(message.getObject(name)).isNull();
        }
        assertThat(message.itemExists("null")).isTrue();
        assertThat(message.itemExists("absent")).isFalse();
    }

    @Test
    void namesMustBeNonEmptyButNeedNotBeIdentifiers() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        message.setInt("order id #1", 1);
        message.setInt("AND", 2);

        assertThat(message.getInt("order id #1")).isEqualTo(1);
        assertThatThrownBy(() -> message.setInt(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setString("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setBytes("", new byte[1], 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setObject(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapNamesListEachItemOnceAsASnapshot() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        message.setInt("b", 1);
        message.setInt("a", 2);
        message.setLong("b", 3);
        var names = message.getMapNames();
        message.setInt("c", 4);

        assertThat(Collections.list(names)).containsExactly("b", "a");
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        byte[] bytes = {1, 2, 3};
        message.setBytes("all", bytes);
        message.setBytes("part", bytes, 1, 2);
        message.setObject("object", bytes);
        bytes[0] = 9;
        message.getBytes("all")[1] = 9;
        ((byte[]) message.getObject("object"))[1] = 9;

        assertThat(message.getBytes("all")).containsExactly(1, 2, 3);
        assertThat(message.getBytes("part")).containsExactly(2, 3);
        assertThat(message.getBytes("object")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> message.setBytes("bad", bytes, 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void setObjectRefusesTypesAMapCannotHold() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        message.setObject("nothing", null);
        assertThat(message.itemExists("nothing")).isTrue();

        for (Object value : List.of(new Date(), List.of(1), new Object(), new Byte[] {1})) {
            assertThatThrownBy(() -> message.setObject("bad", value))
                    .isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("map item 'bad'")
                    .hasMessageContaining(Conversions.typeName(value));
        }
        assertThat(message.itemExists("bad")).isFalse();
    }

    private static void set(MapMessage message, String name, Type type, Object value) throws JMSException {
        switch (type) {
            case BOOLEAN -> message.setBoolean(name, (Boolean) value);
            case BYTE -> message.setByte(name, (Byte) value);
            case SHORT -> message.setShort(name, (Short) value);
            case CHAR -> message.setChar(name, (Character) value);
            case INT -> message.setInt(name, (Integer) value);
            case LONG -> message.setLong(name, (Long) value);
            case FLOAT -> message.setFloat(name, (Float) value);
            case DOUBLE -> message.setDouble(name, (Double) value);
            case STRING -> message.setString(name, (String) value);
            case BYTES -> message.setBytes(name, (byte[]) value);
        }
    }

    private static Object get(MapMessage message, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.getBoolean(name);
            case BYTE -> message.getByte(name);
            case SHORT -> message.getShort(name);
            case CHAR -> message.getChar(name);
            case INT -> message.getInt(name);
            case LONG -> message.getLong(name);
            case FLOAT -> message.getFloat(name);
            case DOUBLE -> message.getDouble(name);
            case STRING -> message.getString(name);
            case BYTES -> message.getBytes(name);
        };
    }
}
