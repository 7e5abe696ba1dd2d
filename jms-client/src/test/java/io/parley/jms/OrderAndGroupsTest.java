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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly once and in order per session, and the group lock between concurrent consumers. */
class OrderAndGroupsTest {
    @TempDir
    Path dir;

    @Test
    void eachSessionsMessagesArriveOnceAndInOrder() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Queue orders = connection.createSession().createQueue(Shop.ORDERS);
            List<Session> senders = List.of(connection.createSession(), connection.createSession(),
                    connection.createSession(Session.SESSION_TRANSACTED));
            for (int i = 0; i < 20; i++) {
                for (int s = 0; s < senders.size(); s++) {
                    Session session = senders.get(s);
                    TextMessage message = session.createTextMessage(s + ":" + i);
                    session.createProducer(orders).send(message);
                    if (session.getTransacted()) {
                        session.commit();
                    }
                }
            }
            Session receiver = connection.createSession();
            MessageConsumer consumer = receiver.createConsumer(orders);
            Map<String, List<Integer>> bySender = new HashMap<>();
            for (int i = 0; i < 60; i++) {
                String[] parts = ((TextMessage) consumer.receive(10_000)).getText().split(":");
                bySender.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            assertThat(consumer.receiveNoWait()).isNull();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(i);
            }
            assertThat(bySender).hasSize(3).allSatisfy((sender, numbers) -> assertThat(numbers).isEqualTo(expected));
        }
    }

    @Test
    void twoConcurrentConsumersNeverHoldOneGroupAtOnce() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Queue orders = connection.createSession().createQueue(Shop.ORDERS);
            int senders = 4;
            int each = 10;
            for (int s = 0; s < senders; s++) {
                try (Session session = connection.createSession()) {
                    MessageProducer producer = session.createProducer(orders);
                    for (int i = 0; i < each; i++) {
                        producer.send(session.createTextMessage(s + ":" + i));
                    }
                }
            }
            Map<String, Integer> inProgress = new ConcurrentHashMap<>();
            AtomicInteger overlaps = new AtomicInteger();
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            int total = senders * (each + 1);
            CountDownLatch done = new CountDownLatch(total);
            List<Session> consumers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                Session session = connection.createSession();
                consumers.add(session);
                session.createConsumer(orders).setMessageListener(message -> {
                    try {
                        String group = message.getStringProperty("JMSXGroupID");
                        if (inProgress.merge(group, 1, Integer::sum) > 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.sleep(5);
                        seen.add(group + "/" + (message instanceof TextMessage t ? t.getText() : message.getJMSType()));
                        inProgress.merge(group, -1, Integer::sum);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("all %d messages delivered", total).isTrue();
            for (Session session : consumers) {
                session.close();
            }
            assertThat(overlaps.get()).as("deliveries of one group overlapping").isZero();
            assertThat(seen).hasSize(total).doesNotHaveDuplicates();
            assertThat(seen.stream().map(s -> s.split("/")[0]).distinct()).hasSize(senders);
        }
    }

    @Test
    void aMessageFromAnotherProviderIsAccepted() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session session = connection.createSession();
            Queue orders = session.createQueue(Shop.ORDERS);
            ForeignTextMessage foreign = new ForeignTextMessage("from elsewhere");
            session.createProducer(orders).send(foreign);
            assertThat(foreign.getJMSMessageID()).as("the send sets the header fields on the original").startsWith("ID:");
            Message received = session.createConsumer(orders).receive(10_000);
            assertThat(((TextMessage) received).getText()).isEqualTo("from elsewhere");
            assertThat(received.getJMSMessageID()).isEqualTo(foreign.getJMSMessageID());
        }
    }
}
