package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selectors leave what they do not select for others; browsers look without taking; expiry and delivery delay. */
class SelectorAndBrowserTest {
    @TempDir
    Path dir;

    private static void send(Session session, Queue queue, String color, String text) throws Exception {
        TextMessage message = session.createTextMessage(text);
        message.setStringProperty("color", color);
        try (Session own = session) {
            own.createProducer(queue).send(message);
        }
    }

    @Test
    void aSelectorTakesWhatItSelectsAndLeavesTheRestForOthers() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Queue orders = connection.createSession().createQueue(Shop.ORDERS);
            send(connection.createSession(), orders, "blue", "b1");
            send(connection.createSession(), orders, "red", "r1");
            send(connection.createSession(), orders, "blue", "b2");

            Session session = connection.createSession();
            MessageConsumer reds = session.createConsumer(orders, "color = 'red' AND JMSPriority = 4");
            assertThat(((TextMessage) reds.receive(10_000)).getText()).isEqualTo("r1");
            assertThat(reds.receive(200)).as("only one red").isNull();
            assertThat(reds.getMessageSelector()).isEqualTo("color = 'red' AND JMSPriority = 4");

            MessageConsumer blues = session.createConsumer(orders, "color = 'blue'");
            List<String> texts = new ArrayList<>();
            texts.add(((TextMessage) blues.receive(10_000)).getText());
            texts.add(((TextMessage) blues.receive(10_000)).getText());
            assertThat(texts).containsExactlyInAnyOrder("b1", "b2");
        }
    }

    @Test
    void malformedSelectorsAreRefused() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Session session = shop.connection().createSession();
            Queue orders = session.createQueue(Shop.ORDERS);
            assertThatThrownBy(() -> session.createConsumer(orders, "color = "))
                    .isInstanceOf(InvalidSelectorException.class).hasMessageContaining("color = ");
            assertThatThrownBy(() -> session.createBrowser(orders, "AND OR"))
                    .isInstanceOf(InvalidSelectorException.class);
        }
    }

    @Test
    void aBrowserSeesButDoesNotTake() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Queue orders = connection.createSession().createQueue(Shop.ORDERS);
            Session sending = connection.createSession();
            MessageProducer producer = sending.createProducer(orders);
            for (String color : List.of("red", "blue", "red")) {
                TextMessage message = sending.createTextMessage(color);
                message.setStringProperty("color", color);
                producer.send(message);
            }
            Session session = connection.createSession();
            QueueBrowser all = session.createBrowser(orders);
            assertThat(Collections.list(all.getEnumeration())).hasSize(3);
            QueueBrowser reds = session.createBrowser(orders, "color = 'red'");
            List<Message> seen = Collections.list(reds.getEnumeration());
            assertThat(seen).hasSize(2).allSatisfy(m -> assertThat(m.getStringProperty("color")).isEqualTo("red"));
            assertThat(shop.waiting("OrdersQ")).isEqualTo(3);

            MessageConsumer consumer = session.createConsumer(orders);
            for (int i = 0; i < 3; i++) {
                assertThat(consumer.receive(10_000)).isNotNull();
            }
            assertThat(Collections.list(all.getEnumeration())).isEmpty();
        }
    }

    @Test
    void expiredMessagesAreDroppedAndDelayedOnesWaitForTheirDeliveryTime() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session session = connection.createSession();
            Queue orders = session.createQueue(Shop.ORDERS);
            MessageProducer producer = session.createProducer(orders);
            producer.setTimeToLive(1);
            producer.send(session.createTextMessage("expires"));
            producer.setTimeToLive(0);
            producer.setDeliveryDelay(700);
            TextMessage delayed = session.createTextMessage("delayed");
            producer.send(delayed);
            producer.setDeliveryDelay(0);
            producer.send(session.createTextMessage("now"));
            Thread.sleep(5);

            MessageConsumer consumer = session.createConsumer(orders);
            TextMessage first = (TextMessage) consumer.receive(10_000);
            assertThat(first.getText()).as("the expired one is dropped, the delayed one waits").isEqualTo("now");
            TextMessage second = (TextMessage) consumer.receive(10_000);
            assertThat(second.getText()).isEqualTo("delayed");
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(delayed.getJMSDeliveryTime());
            assertThat(second.getJMSDeliveryTime()).isEqualTo(delayed.getJMSDeliveryTime());
            assertThat(consumer.receiveNoWait()).isNull();
            assertThat(shop.waiting("OrdersQ")).isZero();
        }
    }
}
