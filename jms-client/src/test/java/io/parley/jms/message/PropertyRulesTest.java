package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What may be a property: names that are selector identifiers, the eight value types, JMSX properties only as a
 * client may set them; and the property set itself: names, existence, clearing, read-only after receipt.
 */
class PropertyRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "orderId", "_hidden", "$cost", "x1", "Größe", "名前", "JMS_Parley_Trace", "ANDROID",
            "Is_open", "nullable", "JMSXGroupID", "\uD835\uDC9Cname"})
    void identifiersAreValidNames(String name) throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setStringProperty(name, "v");

        assertThat(message.getStringProperty(name)).isEqualTo("v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1st", "order-id", "order id", "a.b", "#tag", "é-", " lead", "\uD835"})
    void nonIdentifiersAreRefusedWithTheName(String name) {
        assertThatThrownBy(() -> new ParleyMessage().setIntProperty(name, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE",
            "null", "True", "and", "Between", "escape"})
    void selectorWordsAreRefusedInAnyCase(String name) {
        assertThatThrownBy(() -> new ParleyMessage().setBooleanProperty(name, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("selector");
    }

    @Test
    void nullAndEmptyNamesAreRefusedByEverySetter() {
        ParleyMessage message = new ParleyMessage();
        for (String name : new String[] {null, ""}) {
            assertThatThrownBy(() -> message.setBooleanProperty(name, true)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setByteProperty(name, (byte) 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setShortProperty(name, (short) 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setIntProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setLongProperty(name, 1L)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setFloatProperty(name, 1f)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setDoubleProperty(name, 1d)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setStringProperty(name, "v")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> message.setObjectProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void setObjectPropertyTakesOnlyTheWrappersAndStringAndNull() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        for (Object value : List.of(true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, "seven")) {
            message.setObjectProperty("p", value);
            assertThat(message.getObjectProperty("p")).isEqualTo(value);
        }
        message.setObjectProperty("p", null);
        assertThat(message.propertyExists("p")).isTrue();
        assertThat(message.getObjectProperty("p")).isNull();

        for (Object value : List.of('c', new byte[] {1}, new Date(), BigDecimal.ONE, List.of(), new StringBuilder("s"))) {
            assertThatThrownBy(() -> message.setObjectProperty("bad", value))
                    .isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("property 'bad'")
                    .hasMessageContaining(Conversions.typeName(value));
        }
        assertThat(message.propertyExists("bad")).isFalse();
    }

    @Test
    void aClientSetsJmsxGroupIdAsStringAndJmsxGroupSeqAsInt() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setStringProperty("JMSXGroupID", "orders-17");
        message.setIntProperty("JMSXGroupSeq", 3);

        assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo("orders-17");
        assertThat(message.getObjectProperty("JMSXGroupSeq")).isEqualTo(3);
        assertThatThrownBy(() -> message.setLongProperty("JMSXGroupSeq", 3L))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("JMSXGroupSeq holds Integer, not Long");
        assertThatThrownBy(() -> message.setObjectProperty("JMSXGroupSeq", "3"))
                .isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setIntProperty("JMSXGroupID", 17))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("JMSXGroupID holds String, not Integer");
    }

    @Test
    void jmsxPropertiesTheProviderSetsAndUndefinedJmsxNamesAreRefused() {
        ParleyMessage message = new ParleyMessage();
        for (JmsxProperty property : JmsxProperty.values()) {
            if (!property.isSetByClient()) {
                assertThatThrownBy(() -> message.setObjectProperty(property.propertyName(), sampleOf(property)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(property.propertyName() + " is set by the provider");
            }
        }
        assertThatThrownBy(() -> message.setStringProperty("JMSXColour", "red"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'JMSXColour'")
                .hasMessageContaining("reserves");
    }

    @Test
    void theProviderSetsTheDeliveryCountOnReceipt() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.markReceived(3);

        assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(message.getObjectProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(message.getJMSRedelivered()).isTrue();
        assertThatThrownBy(() -> message.markReceived(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propertyNamesListEverySetPropertyOnceAndNoHeaderFields() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setJMSType("order");
        message.setJMSCorrelationID("c-1");
        message.setIntProperty("b", 1);
        message.setStringProperty("a", "x");
        message.setIntProperty("b", 2);

        assertThat(names(message.getPropertyNames())).containsExactly("b", "a");
        assertThat(message.propertyExists("a")).isTrue();
        assertThat(message.propertyExists("c")).isFalse();
        assertThat(message.propertyExists(null)).isFalse();
        assertThat(message.propertyExists("JMSType")).isFalse();
    }

    @Test
    void theNameEnumerationIsASnapshot() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setIntProperty("a", 1);
        Enumeration<?> before = message.getPropertyNames();
        message.setIntProperty("b", 2);

        assertThat(names(before)).containsExactly("a");
    }

    @Test
    void clearPropertiesRemovesPropertiesButNotHeadersOrBody() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("body");
        message.setJMSType("order");
        message.setIntProperty("a", 1);
        message.clearProperties();

        assertThat(names(message.getPropertyNames())).isEmpty();
        assertThat(message.getJMSType()).isEqualTo("order");
        assertThat(message.getText()).isEqualTo("body");
    }

    @Test
    void receivedPropertiesAreReadOnlyUntilCleared() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setIntProperty("a", 1);
        message.markReceived(1);

        assertThatThrownBy(() -> message.setIntProperty("a", 2))
                .isInstanceOf(MessageNotWriteableException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> message.setObjectProperty("b", "x")).isInstanceOf(MessageNotWriteableException.class);
        assertThat(message.getIntProperty("a")).isEqualTo(1);
        message.setJMSType("header fields are never read-only");

        message.clearProperties();
        message.setIntProperty("a", 2);
        assertThat(message.getIntProperty("a")).isEqualTo(2);
    }

    private static Object sampleOf(JmsxProperty property) {
        return property.valueType() == String.class ? "x" : property.valueType() == Integer.class ? 1 : 1L;
    }

    private static List<Object> names(Enumeration<?> names) {
        return new ArrayList<>(Collections.list(names));
    }
}
