package io.parley.jms.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages for the codec tests: one of every kind, with header fields, properties of every type and odd text. */
final class Samples {
    /** Text that UTF-8 alone cannot carry: a NUL, letters from three scripts, a pair, and two lone surrogates. */
    static final String AWKWARD_TEXT = "a\u0000ß€名\uD83D\uDE80 lone:\uD800 and \uDFFF end";

    static final DestinationNaming NAMING = new DestinationNaming() {
        @Override
        public String nameOf(Destination destination) {
            return ((TestQueue) destination).name();
        }

        @Override
        public Destination destinationNamed(String name) {
            return new TestQueue(name);
        }
    };

    private Samples() {
    }

    /** One message of each kind, all with a body, header fields set and a property of each type. */
    static List<ParleyMessage> everyKind() throws JMSException {
        List<ParleyMessage> messages = new ArrayList<>();
        messages.add(withHeadersAndProperties(new ParleyMessage()));
        ParleyBytesMessage bytes = new ParleyBytesMessage();
        bytes.writeUTF(AWKWARD_TEXT);
        bytes.writeLong(-1);
        messages.add(withHeadersAndProperties(bytes));
        ParleyMapMessage map = new ParleyMapMessage();
        for (Map.Entry<String, Object> item : everyBodyValue().entrySet()) {
            map.setObject(item.getKey(), item.getValue());
        }
        messages.add(withHeadersAndProperties(map));
        messages.add(withHeadersAndProperties(new ParleyObjectMessage(new ArrayList<>(List.of("a", AWKWARD_TEXT)))));
        ParleyStreamMessage stream = new ParleyStreamMessage();
        for (Object value : everyBodyValue().values()) {
            stream.writeObject(value);
        }
        messages.add(withHeadersAndProperties(stream));
        messages.add(withHeadersAndProperties(new ParleyTextMessage(AWKWARD_TEXT)));
        return messages;
    }

    /** One message of each kind without a body: empty bytes, map and stream, null object and text. */
    static List<ParleyMessage> everyKindEmpty() throws JMSException {
        return List.of(new ParleyMessage(), new ParleyBytesMessage(), new ParleyMapMessage(),
                new ParleyObjectMessage(), new ParleyStreamMessage(), new ParleyTextMessage(),
                new ParleyTextMessage(""), new ParleyObjectMessage((Serializable) null));
    }

    static <M extends ParleyMessage> M withHeadersAndProperties(M message) throws JMSException {
        message.setJMSMessageID("ID:parley-" + AWKWARD_TEXT);
        message.setJMSTimestamp(1_700_000_000_123L);
        message.setJMSCorrelationID("req-7");
        message.setJMSReplyTo(new TestQueue("//Parley/Replies/" + AWKWARD_TEXT));
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSType("//Parley/Order");
        message.setJMSExpiration(Long.MAX_VALUE);
        message.setJMSDeliveryTime(Long.MIN_VALUE);
        message.setJMSPriority(9);
        message.setBooleanProperty("yes", true);
        message.setBooleanProperty("no", false);
        message.setByteProperty("tiny", Byte.MIN_VALUE);
        message.setShortProperty("small", Short.MAX_VALUE);
        message.setIntProperty("count", Integer.MIN_VALUE);
        message.setLongProperty("big", Long.MIN_VALUE);
        message.setFloatProperty("ratio", Float.intBitsToFloat(0x7FC0_1234));
        message.setDoubleProperty("negativeZero", -0.0);
        message.setStringProperty("label", AWKWARD_TEXT);
        message.setStringProperty("empty", "");
        message.setStringProperty("nothing", null);
        message.setStringProperty("JMSXGroupID", "group-1");
        message.setIntProperty("JMSXGroupSeq", 2);
        message.setStringProperty("名前", "unicode name");
        return message;
    }

    /** A value of every type a map item or stream field can hold, with edge values, keyed by a name for each. */
    static Map<String, Object> everyBodyValue() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("boolean", true);
        values.put("byte", (byte) -1);
        values.put("short", Short.MIN_VALUE);
        values.put("char", '\uD800');
        values.put("int", 0);
        values.put("long", Long.MAX_VALUE);
        values.put("float", Float.NaN);
        values.put("double", Double.MIN_VALUE);
        values.put("string", AWKWARD_TEXT);
        values.put("bytes", new byte[] {0, -1, 127});
        values.put("emptyBytes", new byte[0]);
        values.put("null", null);
        return values;
    }
}
