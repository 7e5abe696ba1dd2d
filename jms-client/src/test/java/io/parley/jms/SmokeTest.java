package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void sendAndReceive() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session session = connection.createSession();
            MessageProducer producer = session.createProducer(session.createQueue(Shop.ORDERS));
            producer.send(session.createTextMessage("hello"));
            MessageConsumer consumer = session.createConsumer(session.createQueue(Shop.ORDERS));
            TextMessage received = (TextMessage) consumer.receive(5000);
            assertThat(received.getText()).isEqualTo("hello");
            assertThat(consumer.receiveNoWait()).isNull();
        }
    }
}
