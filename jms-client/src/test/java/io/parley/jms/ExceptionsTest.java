package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The exceptions the specification asks for, naming the objects involved. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExceptionsTest {
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

    @Test
    void closedObjectsRefuseUse() throws Exception {
        Connection closedConnection = shop.factory.createConnection();
        Session closedSession = closedConnection.createSession();
        Queue orders = closedSession.createQueue(Shop.ORDERS);
        MessageProducer producer = closedSession.createProducer(orders);
        MessageConsumer consumer = closedSession.createConsumer(orders);
        closedConnection.close();
        closedConnection.close();
        assertThatThrownBy(closedConnection::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(closedSession::createMessage).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
        closedSession.close();
    }

    @Test
    void anUnknownServiceIsAnInvalidDestinationNamingIt() throws Exception {
        Session session = connection.createSession();
        Queue nowhere = session.createQueue("//Shop/Nowhere");
        assertThatThrownBy(() -> session.createProducer(nowhere)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("//Shop/Nowhere");
        assertThatThrownBy(() -> session.createConsumer(nowhere)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("//Shop/Nowhere");
        MessageProducer anonymous = session.createProducer(null);
        assertThatThrownBy(() -> anonymous.send(nowhere, session.createMessage()))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("//Shop/Nowhere");
        assertThatThrownBy(() -> anonymous.send(session.createMessage())).isInstanceOf(UnsupportedOperationException.class);
        MessageProducer bound = session.createProducer(session.createQueue(Shop.ORDERS));
        assertThatThrownBy(() -> bound.send(nowhere, session.createMessage()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> session.createQueue("conversation:not-a-handle"))
                .isInstanceOf(InvalidDestinationException.class);
        session.close();
    }

    @Test
    void topicsAreRefused() throws Exception {
        Session session = connection.createSession();
        assertThatThrownBy(() -> session.createTopic("news")).isInstanceOf(JMSException.class)
                .hasMessageContaining("topics are not supported yet");
        assertThatThrownBy(session::createTemporaryTopic).hasMessageContaining("topics are not supported yet");
        assertThatThrownBy(() -> session.unsubscribe("sub")).hasMessageContaining("topics are not supported yet");
        Topic topic = () -> "news";
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "d")).hasMessageContaining("not supported yet");
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "s")).hasMessageContaining("not supported yet");
        assertThatThrownBy(() -> session.createConsumer(topic)).isInstanceOf(InvalidDestinationException.class);
        session.close();
    }

    @Test
    void aMessageTypeTheContractDoesNotAllowIsAMessageFormatExceptionNamingIt() throws Exception {
        Connection strict = shop.factory.withContract("//Shop/OrderContract").createConnection();
        try {
            Session session = strict.createSession();
            MessageProducer producer = session.createProducer(session.createQueue(Shop.STRICT));
            TextMessage order = session.createTextMessage("<order/>");
            order.setJMSType("//Shop/Order");
            producer.send(order);
            TextMessage wrongWay = session.createTextMessage("<confirmation/>");
            wrongWay.setJMSType("//Shop/Confirmation");
            assertThatThrownBy(() -> producer.send(wrongWay)).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("//Shop/Confirmation").hasMessageContaining("//Shop/OrderContract");
            TextMessage untyped = session.createTextMessage("no type");
            assertThatThrownBy(() -> producer.send(untyped)).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("DEFAULT");
            strict.start();
            TextMessage received = (TextMessage) session.createConsumer(session.createQueue(Shop.STRICT)).receive(10_000);
            assertThat(received.getJMSType()).isEqualTo("//Shop/Order");
        } finally {
            strict.close();
        }
    }

    @Test
    void wrongBodyTypesAndInvalidArgumentsAreRefused() throws Exception {
        Session session = connection.createSession();
        Queue queue = session.createQueue(shop.service("Bodies"));
        session.createProducer(queue).send(session.createTextMessage("text"));
        TextMessage received = (TextMessage) session.createConsumer(queue).receive(10_000);
        assertThatThrownBy(() -> received.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> received.setText("changed")).isInstanceOf(jakarta.jms.MessageNotWriteableException.class);
        MessageProducer producer = session.createProducer(queue);
        assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSException.class).hasMessageContaining("10");
        assertThatThrownBy(() -> producer.setDeliveryMode(7)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> session.commit()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> connection.createSession(99)).isInstanceOf(JMSException.class);
        session.close();
    }

    @Test
    void temporaryQueuesLiveWithTheirConnectionAndCannotBeDeletedWhileConsumed() throws Exception {
        Connection owner = shop.connection();
        Session session = owner.createSession();
        TemporaryQueue temporary = session.createTemporaryQueue();
        assertThat(temporary.getQueueName()).startsWith("//parley/temporary/");
        MessageConsumer consumer = session.createConsumer(temporary);
        session.createProducer(temporary).send(session.createTextMessage("to myself"));
        assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("to myself");
        assertThatThrownBy(temporary::delete).isInstanceOf(JMSException.class).hasMessageContaining("consumer");

        Session other = connection.createSession();
        assertThatThrownBy(() -> other.createConsumer(temporary)).isInstanceOf(InvalidDestinationException.class);
        consumer.close();
        temporary.delete();
        assertThatThrownBy(() -> session.createProducer(temporary)).isInstanceOf(InvalidDestinationException.class);

        TemporaryQueue second = session.createTemporaryQueue();
        owner.close();
        assertThatThrownBy(() -> other.createProducer(second)).as("dropped when its connection closed")
                .isInstanceOf(InvalidDestinationException.class);
        other.close();
    }
}
