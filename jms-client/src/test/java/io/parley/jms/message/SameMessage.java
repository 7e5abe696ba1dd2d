package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asserts that a decoded message equals the original in everything that travels: the header fields the encoding
 * carries, every property with its exact type, and the body, compared through the public API.
 */
final class SameMessage {
    private SameMessage() {
    }

    static void assertSame(ParleyMessage expected, ParleyMessage actual) throws JMSException {
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(actual.getJMSMessageID()).isEqualTo(expected.getJMSMessageID());
        assertThat(actual.getJMSTimestamp()).isEqualTo(expected.getJMSTimestamp());
        assertThat(actual.getJMSCorrelationID()).isEqualTo(expected.getJMSCorrelationID());
        assertThat(actual.getJMSCorrelationIDAsBytes()).isEqualTo(expected.getJMSCorrelationIDAsBytes());
        assertThat(actual.getJMSReplyTo()).isEqualTo(expected.getJMSReplyTo());
        assertThat(actual.getJMSDeliveryMode()).isEqualTo(expected.getJMSDeliveryMode());
        assertThat(actual.getJMSType()).isEqualTo(expected.getJMSType());
        assertThat(actual.getJMSExpiration()).isEqualTo(expected.getJMSExpiration());
        assertThat(actual.getJMSDeliveryTime()).isEqualTo(expected.getJMSDeliveryTime());
        assertThat(actual.getJMSPriority()).isEqualTo(expected.getJMSPriority());
        assertThat(typedProperties(actual)).isEqualTo(typedProperties(expected));
        assertThat(body(actual)).isEqualTo(body(expected));
    }

    /** Each property as "Type:value", so an Integer 1 and a Long 1 differ; floating point by its bits. */
    private static Map<String, String> typedProperties(ParleyMessage message) throws JMSException {
        Map<String, String> typed = new TreeMap<>();
        for (String name : Collections.list(message.getPropertyNames())) {
            typed.put(name, typed(message.getObjectProperty(name)));
        }
        return typed;
    }

    private static Object body(ParleyMessage message) throws JMSException {
        if (message instanceof ParleyBytesMessage bytes) {
            return bytes.content();
        }
        if (message instanceof ParleyMapMessage map) {
            Map<String, String> items = new TreeMap<>();
            for (String name : Collections.list(map.getMapNames())) {
                items.put(name, typed(map.getObject(name)));
            }
            return items;
        }
        if (message instanceof ParleyStreamMessage stream) {
            Map<Integer, String> fields = new LinkedHashMap<>();
            for (Object field : stream.fields()) {
                fields.put(fields.size(), typed(field));
            }
            return fields;
        }
        if (message instanceof ParleyObjectMessage object) {
            return object.getObject();
        }
        if (message instanceof ParleyTextMessage text) {
            return text.getText();
        }
        return null;
    }

    private static String typed(Object value) {
        if (value instanceof byte[] bytes) {
            return "byte[]:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Float number) {
            return "Float:" + Integer.toHexString(Float.floatToRawIntBits(number));
        }
        if (value instanceof Double number) {
            return "Double:" + Long.toHexString(Double.doubleToRawLongBits(number));
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }
}
