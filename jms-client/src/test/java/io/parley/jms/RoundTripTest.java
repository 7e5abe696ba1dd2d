package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every message type and every property type through a real node, in each session mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTest {
    @TempDir
    static Path dir;

    private Shop shop;
    private Connection connection;

    @BeforeAll
    void open() throws Exception {
        shop = new Shop(dir);
        connection = shop.connection();
    }

    @AfterAll
    void close() throws Exception {
        shop.close();
    }

    @ParameterizedTest
    @EnumSource(Modes.class)
    void everyBodyTypeAndPropertyTypeArrivesAsSent(Modes mode) throws Exception {
        Session session = connection.createSession(mode.mode);
        Queue queue = session.createQueue(shop.service("RoundTrip" + mode));
        MessageProducer producer = session.createProducer(queue);
        List<Message> sent = messages(session);
        for (Message message : sent) {
            producer.send(message);
        }
        mode.sent(session);

        MessageConsumer consumer = session.createConsumer(queue);
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Message message = consumer.receive(10_000);
            assertThat(message).as("message %d in mode %s", i, mode).isNotNull();
            received.add(message);
        }
        mode.received(session, received.get(received.size() - 1));
        assertThat(consumer.receiveNoWait()).isNull();

        TextMessage text = (TextMessage) received.get(0);
        assertThat(text.getText()).isEqualTo("grüße, 世界");
        assertThat(text.getBooleanProperty("aBoolean")).isTrue();
        assertThat(text.getByteProperty("aByte")).isEqualTo((byte) -7);
        assertThat(text.getShortProperty("aShort")).isEqualTo((short) 1234);
        assertThat(text.getIntProperty("anInt")).isEqualTo(-123456);
        assertThat(text.getLongProperty("aLong")).isEqualTo(Long.MAX_VALUE);
        assertThat(text.getFloatProperty("aFloat")).isEqualTo(1.5f);
        assertThat(text.getDoubleProperty("aDouble")).isEqualTo(-2.25);
        assertThat(text.getStringProperty("aString")).isEqualTo("value");
        assertThat(text.getObjectProperty("aNull")).isNull();
        assertThat(text.propertyExists("aNull")).isTrue();
        assertThat(text.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(text.getJMSMessageID()).isEqualTo(sent.get(0).getJMSMessageID()).startsWith("ID:");
        assertThat(text.getJMSTimestamp()).isEqualTo(sent.get(0).getJMSTimestamp()).isPositive();
        assertThat(text.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(text.getJMSPriority()).isEqualTo(4);
        assertThat(text.getJMSDestination()).isEqualTo(queue);
        assertThat(text.getJMSRedelivered()).isFalse();
        assertThat(text.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(text.getStringProperty("JMSXGroupID")).isNotBlank();

        BytesMessage bytes = (BytesMessage) received.get(1);
        assertThat(bytes.getBodyLength()).isEqualTo(5);
        assertThat(bytes.readInt()).isEqualTo(42);
        assertThat(bytes.readByte()).isEqualTo((byte) 9);

        MapMessage map = (MapMessage) received.get(2);
        assertThat(map.getString("name")).isEqualTo("widget");
        assertThat(map.getLong("count")).isEqualTo(3L);
        assertThat(map.getBytes("raw")).containsExactly(1, 2, 3);

        ObjectMessage object = (ObjectMessage) received.get(3);
        assertThat(object.getObject()).isEqualTo(new ArrayList<>(List.of("a", "b")));

        StreamMessage stream = (StreamMessage) received.get(4);
        assertThat(stream.readString()).isEqualTo("first");
        assertThat(stream.readDouble()).isEqualTo(2.5);
        assertThat(stream.readBoolean()).isTrue();

        Message plain = received.get(5);
        assertThat(plain).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                ObjectMessage.class, StreamMessage.class);
        assertThat(plain.getStringProperty("only")).isEqualTo("headers");
        assertThat(plain.getBody(Map.class)).isNull();
        session.close();
    }

    private static List<Message> messages(Session session) throws Exception {
        TextMessage text = session.createTextMessage("grüße, 世界");
        text.setBooleanProperty("aBoolean", true);
        text.setByteProperty("aByte", (byte) -7);
        text.setShortProperty("aShort", (short) 1234);
        text.setIntProperty("anInt", -123456);
        text.setLongProperty("aLong", Long.MAX_VALUE);
        text.setFloatProperty("aFloat", 1.5f);
        text.setDoubleProperty("aDouble", -2.25);
        text.setStringProperty("aString", "value");
        text.setObjectProperty("aNull", null);
        text.setJMSCorrelationID("corr-1");
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeInt(42);
        bytes.writeByte((byte) 9);
        MapMessage map = session.createMapMessage();
        map.setString("name", "widget");
        map.setLong("count", 3);
        map.setBytes("raw", new byte[] {1, 2, 3});
        ObjectMessage object = session.createObjectMessage(new ArrayList<>(List.of("a", "b")));
        StreamMessage stream = session.createStreamMessage();
        stream.writeString("first");
        stream.writeDouble(2.5);
        stream.writeBoolean(true);
        Message plain = session.createMessage();
        plain.setStringProperty("only", "headers");
        return List.of(text, bytes, map, object, stream, plain);
    }
}
