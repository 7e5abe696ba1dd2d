package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Transactions, acknowledgement and redelivery: what each session mode does with the engine's transactions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgementTest {
    @TempDir
    static Path dir;

    private Shop shop;
    private Connection connection;
    private Session sender;

    @BeforeAll
    void open() throws Exception {
        shop = new Shop(dir);
        connection = shop.connection();
        sender = connection.createSession();
    }

    @AfterAll
    void close() throws Exception {
        shop.close();
    }

    private Queue queue(Session session, String name) throws Exception {
        return session.createQueue(shop.service(name));
    }

    /** Sends from a session that stays open, so no EndDialog follows the messages. */
    private void send(Queue queue, String... texts) throws Exception {
        MessageProducer producer = sender.createProducer(queue);
        for (String text : texts) {
            producer.send(sender.createTextMessage(text));
        }
    }

    @Test
    void aRolledBackReceiveIsRedeliveredMarkedRedeliveredWithDeliveryCountTwo() throws Exception {
        Session session = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = queue(session, "TxReceive");
        send(queue, "one");
        MessageConsumer consumer = session.createConsumer(queue);
        Message first = consumer.receive(10_000);
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        session.rollback();

        Message again = consumer.receive(10_000);
        assertThat(((TextMessage) again).getText()).isEqualTo("one");
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        session.commit();
        assertThat(consumer.receiveNoWait()).isNull();
        assertThat(shop.waiting("TxReceiveQ")).isZero();
        session.close();
    }

    @Test
    void aRolledBackSendIsNeverVisibleAndACommittedOneIs() throws Exception {
        Session sender = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = queue(sender, "TxSend");
        MessageProducer producer = sender.createProducer(queue);
        producer.send(sender.createTextMessage("discarded"));
        Session receiver = connection.createSession();
        MessageConsumer consumer = receiver.createConsumer(queue);
        assertThat(consumer.receive(200)).as("an uncommitted send").isNull();
        sender.rollback();
        assertThat(consumer.receive(200)).isNull();

        producer.send(sender.createTextMessage("kept"));
        sender.commit();
        assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("kept");
        assertThat(consumer.receiveNoWait()).isNull();
        sender.close();
        receiver.close();
    }

    @Test
    void clientAcknowledgeKeepsMessagesUntilAcknowledgedAndRecoverRedeliversThem() throws Exception {
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = queue(session, "Client");
        send(queue, "a", "b");
        MessageConsumer consumer = session.createConsumer(queue);
        Message a = consumer.receive(10_000);
        Message b = consumer.receive(10_000);
        assertThat(((TextMessage) b).getText()).isEqualTo("b");
        session.recover();

        Message a2 = consumer.receive(10_000);
        Message b2 = consumer.receive(10_000);
        assertThat(((TextMessage) a2).getText()).isEqualTo("a");
        assertThat(a2.getJMSRedelivered()).isTrue();
        assertThat(b2.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        a2.acknowledge();
        assertThat(consumer.receiveNoWait()).isNull();
        assertThat(shop.waiting("ClientQ")).isZero();
        assertThat(a.getJMSMessageID()).isEqualTo(a2.getJMSMessageID());
        session.close();
    }

    @Test
    void closingAClientAcknowledgeSessionPutsUnacknowledgedMessagesBack() throws Exception {
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = queue(session, "ClientClose");
        send(queue, "x");
        assertThat(session.createConsumer(queue).receive(10_000)).isNotNull();
        session.close();

        try (Session other = connection.createSession(Session.CLIENT_ACKNOWLEDGE)) {
            Message again = other.createConsumer(queue).receive(10_000);
            assertThat(again.getJMSRedelivered()).isTrue();
            again.acknowledge();
        }
    }

    @Test
    void autoAndDupsOkAcknowledgeEachMessageOnReceiveAndRecoverHasNothingToRedeliver() throws Exception {
        for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
            Session session = connection.createSession(mode);
            Queue queue = queue(session, "Auto" + mode);
            send(queue, "only");
            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(consumer.receive(10_000)).isNotNull();
            session.recover();
            assertThat(consumer.receiveNoWait()).isNull();
            assertThat(shop.waiting("Auto" + mode + "Q")).isZero();
            session.close();
        }
    }
}
