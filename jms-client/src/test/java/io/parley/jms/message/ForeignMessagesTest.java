package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copying another provider's messages into Parley messages: kind, header fields, properties and body. */
class ForeignMessagesTest {

    @Test
    void aForeignTextMessageBecomesAParleyTextMessageWithEveryHeaderField() throws JMSException {
        TextMessage foreign = ForeignMessage.of(TextMessage.class, "hello");
        ForeignMessage state = ForeignMessage.stateOf(foreign);
        TestQueue replyTo = new TestQueue("//Elsewhere/Replies");
        state.headers.putAll(Map.of("JMSMessageID", "ID:other-1", "JMSTimestamp", 11L, "JMSCorrelationID", "req-1",
                "JMSReplyTo", replyTo, "JMSDestination", new TestQueue("//Elsewhere/Orders"), "JMSDeliveryMode", 1,
                "JMSRedelivered", true, "JMSType", "order", "JMSExpiration", 33L, "JMSDeliveryTime", 22L));
        state.headers.put("JMSPriority", 7);

        ParleyMessage copy = ForeignMessages.copyOf(foreign);

        assertThat(copy).isInstanceOf(ParleyTextMessage.class);
        assertThat(((TextMessage) copy).getText()).isEqualTo("hello");
        assertThat(copy.getJMSMessageID()).isEqualTo("ID:other-1");
        assertThat(copy.getJMSTimestamp()).isEqualTo(11L);
        assertThat(copy.getJMSCorrelationID()).isEqualTo("req-1");
        assertThat(copy.getJMSReplyTo()).isSameAs(replyTo);
        assertThat(copy.getJMSDestination()).isEqualTo(new TestQueue("//Elsewhere/Orders"));
        assertThat(copy.getJMSDeliveryMode()).isEqualTo(1);
        assertThat(copy.getJMSRedelivered()).isTrue();
        assertThat(copy.getJMSType()).isEqualTo("order");
        assertThat(copy.getJMSExpiration()).isEqualTo(33L);
        assertThat(copy.getJMSDeliveryTime()).isEqualTo(22L);
        assertThat(copy.getJMSPriority()).isEqualTo(7);
    }

    @Test
    void aCorrelationIdHeldOnlyAsBytesIsCopiedAsBytes() throws JMSException {
        Message foreign = ForeignMessage.of(Message.class, null);
        ForeignMessage.stateOf(foreign).headers.put("JMSCorrelationIDAsBytes", new byte[] {1, 2});

        ParleyMessage copy = ForeignMessages.copyOf(foreign);

        assertThat(copy.getJMSCorrelationIDAsBytes()).containsExactly(1, 2);
        assertThat(copy).isExactlyInstanceOf(ParleyMessage.class);
    }

    @Test
    void propertiesAreCopiedWithTheirTypesExceptTheJmsxOnesAProviderSets() throws JMSException {
        Message foreign = ForeignMessage.of(Message.class, null);
        Map<String, Object> properties = ForeignMessage.stateOf(foreign).properties;
        properties.putAll(Map.of("flag", true, "tiny", (byte) 1, "small", (short) 2, "count", 3, "big", 4L,
                "ratio", 0.5f, "precise", 0.25, "label", "x", "JMS_Other_Route", "r1"));
        properties.put("JMSXGroupID", "g");
        properties.put("JMSXGroupSeq", 2);
        properties.put("JMSXDeliveryCount", 5);
        properties.put("JMSXUserID", "mallory");
        properties.put("JMSXGroupFirstForConsumer", true);
        properties.put("nothing", null);

        ParleyMessage copy = ForeignMessages.copyOf(foreign);

        Map<String, Object> copied = new LinkedHashMap<>();
        for (String name : Collections.list(copy.getPropertyNames())) {
            copied.put(name, copy.getObjectProperty(name));
        }
        Map<String, Object> expected = new LinkedHashMap<>(properties);
        expected.keySet().removeAll(List.of("JMSXDeliveryCount", "JMSXUserID", "JMSXGroupFirstForConsumer"));
        assertThat(copied).isEqualTo(expected);
        assertThat(copy.getObjectProperty("small")).isInstanceOf(Short.class);
        assertThat(copy.getObjectProperty("ratio")).isInstanceOf(Float.class);
    }

    @Test
    void aPropertyAParleyMessageCannotHoldIsAFormatErrorNamingIt() {
        Message badName = ForeignMessage.of(Message.class, null);
        ForeignMessage.stateOf(badName).properties.put("order-id", 1);
        Message badValue = ForeignMessage.of(Message.class, null);
        ForeignMessage.stateOf(badValue).properties.put("when", new Date());

        assertThatThrownBy(() -> ForeignMessages.copyOf(badName))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("'order-id'");
        assertThatThrownBy(() -> ForeignMessages.copyOf(badValue))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("'when'")
                .hasMessageContaining("java.util.Date");
    }

    @Test
    void aForeignBytesMessageIsReadWholeAndLeftReset() throws JMSException {
        byte[] body = new byte[20_000];
        Arrays.fill(body, (byte) 7);
        body[19_999] = 8;
        BytesMessage foreign = ForeignMessage.of(BytesMessage.class, body);

        ParleyBytesMessage copy = (ParleyBytesMessage) ForeignMessages.copyOf(foreign);

        assertThat(copy.getBody(byte[].class)).isEqualTo(body);
        ForeignMessage state = ForeignMessage.stateOf(foreign);
        assertThat(state.position).isZero();
        assertThat(state.resets).isEqualTo(2);
    }

    @Test
    void anEmptyForeignBytesMessageCopiesToAnEmptyOne() throws JMSException {
        BytesMessage foreign = ForeignMessage.of(BytesMessage.class, new byte[0]);

        ParleyBytesMessage copy = (ParleyBytesMessage) ForeignMessages.copyOf(foreign);
        copy.reset();

        assertThat(copy.getBodyLength()).isZero();
    }

    @Test
    void aForeignMapMessageKeepsEveryItemAndItsType() throws JMSException {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("c", 'c');
        items.put("bytes", new byte[] {1});
        items.put("n", 1L);
        items.put("none", null);
        MapMessage foreign = ForeignMessage.of(MapMessage.class, items);

        ParleyMapMessage copy = (ParleyMapMessage) ForeignMessages.copyOf(foreign);

        assertThat(copy.getChar("c")).isEqualTo('c');
        assertThat(copy.getBytes("bytes")).containsExactly(1);
        assertThat(copy.getObject("n")).isEqualTo(1L);
        assertThat(copy.itemExists("none")).isTrue();
        assertThat(Collections.list(copy.getMapNames())).containsExactly("c", "bytes", "n", "none");
    }

    @Test
    void aForeignObjectMessageIsSerializedAgain() throws JMSException {
        ArrayList<String> object = new ArrayList<>(List.of("a", "b"));
        ObjectMessage foreign = ForeignMessage.of(ObjectMessage.class, object);

        ParleyObjectMessage copy = (ParleyObjectMessage) ForeignMessages.copyOf(foreign);
        object.add("changed later");

        assertThat(copy.getObject()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void aForeignStreamMessageKeepsEveryFieldInOrderAndIsLeftReset() throws JMSException {
        List<Object> fields = Arrays.asList(1, "two", null, new byte[] {3}, 'c', 4.5);
        StreamMessage foreign = ForeignMessage.of(StreamMessage.class, fields);

        ParleyStreamMessage copy = (ParleyStreamMessage) ForeignMessages.copyOf(foreign);
        copy.reset();

        assertThat(copy.readInt()).isEqualTo(1);
        assertThat(copy.readString()).isEqualTo("two");
        assertThat(copy.readObject()).isNull();
        assertThat(copy.readObject()).isEqualTo(new byte[] {3});
        assertThat(copy.readChar()).isEqualTo('c');
        assertThat(copy.readDouble()).isEqualTo(4.5);
        assertThat(ForeignMessage.stateOf(foreign).position).isZero();
    }

    @Test
    void aReceivedParleyMessageCopiesToAWritableOne() throws JMSException {
        ParleyTextMessage received = new ParleyTextMessage("t");
        received.setIntProperty("n", 1);
        received.markReceived(4);

        ParleyTextMessage copy = (ParleyTextMessage) ForeignMessages.copyOf(received);
        copy.setText("changed");
        copy.setIntProperty("n", 2);

        assertThat(copy.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(received.getText()).isEqualTo("t");
    }
}
