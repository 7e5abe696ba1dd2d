package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.jms.message.ConversionTable.Cell;
import io.parley.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The property conversion table of Jakarta Messaging §3.5.4, cell by cell, and how null and bad strings read. */
class PropertyConversionTest {

    static Stream<Cell> propertyCells() {
        return ConversionTable.cells(ConversionTable.PROPERTY_TYPES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("propertyCells")
    void aTypedSetterFollowedByATypedGetterFollowsTheTable(Cell cell) throws JMSException {
        ParleyMessage message = new ParleyMessage();
        set(message, "amount", cell.written(), cell.written().sample());

        if (cell.allowed()) {
            assertThat(get(message, "amount", cell.read())).isEqualTo(cell.expected());
        } else {
            assertThatThrownBy(() -> get(message, "amount", cell.read()))
                    .isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("property 'amount'")
                    .hasMessageContaining(" as " + cell.read().javaName);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("propertyCells")
    void setObjectPropertyConvertsExactlyAsTheTypedSetter(Cell cell) throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setObjectProperty("amount", cell.written().sample());

        if (cell.allowed()) {
            assertThat(get(message, "amount", cell.read())).isEqualTo(cell.expected());
        } else {
            assertThatThrownBy(() -> get(message, "amount", cell.read())).isInstanceOf(MessageFormatException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"BOOLEAN", "BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE", "STRING"})
    void getObjectPropertyReturnsTheWrapperOfTheTypeItWasSetAs(Type type) throws JMSException {
        ParleyMessage message = new ParleyMessage();
        set(message, "p", type, type.sample());

        assertThat(message.getObjectProperty("p")).isEqualTo(type.sample()).isExactlyInstanceOf(type.sample().getClass());
    }

    @Test
    void anAbsentPropertyReadsAsValueOfNullWould() throws JMSException {
        assertNullReadsAsValueOfNull(new ParleyMessage(), "missing");
    }

    @Test
    void aNullStringPropertyReadsLikeAnAbsentOneButExists() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setStringProperty("empty", null);

        assertThat(message.propertyExists("empty")).isTrue();
        assertNullReadsAsValueOfNull(message, "empty");
    }

    @Test
    void aStringThatIsNoNumberIsANumberFormatExceptionNamingTheProperty() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setStringProperty("size", "large");

        for (Type type : new Type[] {Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE}) {
            assertThatThrownBy(() -> get(message, "size", type))
                    .as(type.javaName)
                    .isInstanceOf(NumberFormatException.class)
                    .hasMessageContaining("property 'size'")
                    .hasMessageContaining("\"large\"");
        }
        assertThat(message.getBooleanProperty("size")).isFalse();
    }

    @Test
    void stringsConvertAsValueOfDoesIncludingRangeAndCase() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setStringProperty("big", "300");
        message.setStringProperty("yes", "TRUE");
        message.setStringProperty("spaced", " 7 ");
        message.setStringProperty("real", "6.02e23");

        assertThatThrownBy(() -> message.getByteProperty("big")).isInstanceOf(NumberFormatException.class);
        assertThat(message.getShortProperty("big")).isEqualTo((short) 300);
        assertThat(message.getBooleanProperty("yes")).isTrue();
        assertThatThrownBy(() -> message.getIntProperty("spaced")).isInstanceOf(NumberFormatException.class);
        assertThat(message.getFloatProperty("spaced")).isEqualTo(7f);
        assertThat(message.getDoubleProperty("real")).isEqualTo(6.02e23);
    }

    @Test
    void floatingPointExtremesSurviveTheirStringForm() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setDoubleProperty("nan", Double.NaN);
        message.setFloatProperty("infinite", Float.NEGATIVE_INFINITY);

        assertThat(message.getStringProperty("nan")).isEqualTo("NaN");
        assertThat(message.getDoubleProperty("infinite")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(message.getFloatProperty("infinite")).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    private static void assertNullReadsAsValueOfNull(Message message, String name) throws JMSException {
        assertThat(message.getBooleanProperty(name)).isFalse();
        for (Type type : new Type[] {Type.BYTE, Type.SHORT, Type.INT, Type.LONG}) {
            assertThatThrownBy(() -> get(message, name, type))
                    .as(type.javaName)
                    .isInstanceOf(NumberFormatException.class)
                    .hasMessageContaining("property '" + name + "'");
        }
        for (Type type : new Type[] {Type.FLOAT, Type.DOUBLE}) {
            assertThatThrownBy(() -> get(message, name, type))
                    .as(type.javaName)
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("property '" + name + "'");
        }
        assertThat(message.getStringProperty(name)).isNull();
        assertThat(message.getObjectProperty(name)).isNull();
    }

    static void set(Message message, String name, Type type, Object value) throws JMSException {
        switch (type) {
            case BOOLEAN -> message.setBooleanProperty(name, (Boolean) value);
            case BYTE -> message.setByteProperty(name, (Byte) value);
            case SHORT -> message.setShortProperty(name, (Short) value);
            case INT -> message.setIntProperty(name, (Integer) value);
            case LONG -> message.setLongProperty(name, (Long) value);
            case FLOAT -> message.setFloatProperty(name, (Float) value);
            case DOUBLE -> message.setDoubleProperty(name, (Double) value);
            case STRING -> message.setStringProperty(name, (String) value);
            default -> throw new IllegalArgumentException("properties have no " + type.javaName);
        }
    }

    static Object get(Message message, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.getBooleanProperty(name);
            case BYTE -> message.getByteProperty(name);
            case SHORT -> message.getShortProperty(name);
            case INT -> message.getIntProperty(name);
            case LONG -> message.getLongProperty(name);
            case FLOAT -> message.getFloatProperty(name);
            case DOUBLE -> message.getDoubleProperty(name);
            case STRING -> message.getStringProperty(name);
            default -> throw new IllegalArgumentException("properties have no " + type.javaName);
        };
    }
}
