package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MessageListeners on the session's thread; stop, start and close from other threads and from a listener. */
class ListenerTest {
    @TempDir
    Path dir;

    @Test
    void aStoppedConnectionDeliversNothingUntilStarted() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.factory.createConnection();
            Session session = connection.createSession();
            Queue orders = session.createQueue(Shop.ORDERS);
            BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
            session.createConsumer(orders).setMessageListener(m -> delivered.add(text(m)));
            Session sending = connection.createSession();
            MessageProducer producer = sending.createProducer(orders);
            producer.send(sending.createTextMessage("early"));
            assertThat(delivered.poll(300, TimeUnit.MILLISECONDS)).as("before start").isNull();

            connection.start();
            assertThat(delivered.poll(10, TimeUnit.SECONDS)).isEqualTo("early");
            connection.stop();
            producer.send(sending.createTextMessage("while stopped"));
            assertThat(delivered.poll(300, TimeUnit.MILLISECONDS)).as("while stopped").isNull();
            connection.start();
            assertThat(delivered.poll(10, TimeUnit.SECONDS)).isEqualTo("while stopped");
            connection.close();
        }
    }

    @Test
    void stopWaitsForTheListenerInProgress() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session session = connection.createSession();
            Queue orders = session.createQueue(Shop.ORDERS);
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Boolean> finished = new AtomicReference<>(false);
            session.createConsumer(orders).setMessageListener(m -> {
                inListener.countDown();
                await(release);
                finished.set(true);
            });
            Session sending = connection.createSession();
            sending.createProducer(orders).send(sending.createTextMessage("slow"));
            assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> run(connection::stop));
            assertThat(stopping).as("stop while the listener runs").isNotDone();
            release.countDown();
            stopping.get(10, TimeUnit.SECONDS);
            assertThat(finished.get()).isTrue();
        }
    }

    @Test
    void closeFromAnotherThreadWaitsForTheListenerAndEndsAWaitingReceive() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.factory.createConnection();
            connection.start();
            Session receiving = connection.createSession();
            MessageConsumer waiting = receiving.createConsumer(receiving.createQueue(Shop.BILLING));
            CompletableFuture<Message> receive = CompletableFuture.supplyAsync(() -> unchecked(waiting::receive));

            Session listening = connection.createSession();
            Queue orders = listening.createQueue(Shop.ORDERS);
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            listening.createConsumer(orders).setMessageListener(m -> {
                inListener.countDown();
                await(release);
            });
            Session sending = connection.createSession();
            sending.createProducer(orders).send(sending.createTextMessage("x"));
            assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> run(connection::close));
            assertThat(receive.get(10, TimeUnit.SECONDS)).as("a receive waiting when the connection closes").isNull();
            assertThat(closing).isNotDone();
            release.countDown();
            closing.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aListenerMayNotCloseOrStopItsOwnConnectionOrSessionButMayCloseItsConsumer() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session session = connection.createSession();
            Queue orders = session.createQueue(Shop.ORDERS);
            BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
            MessageConsumer consumer = session.createConsumer(orders);
            consumer.setMessageListener(m -> {
                for (Runnable call : List.<Runnable>of(() -> run(connection::close),
                        () -> run(connection::stop), () -> run(session::close))) {
                    try {
                        call.run();
                        outcomes.add("allowed");
                    } catch (RuntimeException e) {
                        outcomes.add(e.getCause());
                    }
                }
                run(consumer::close);
                outcomes.add("consumer closed");
            });
            Session sending = connection.createSession();
            sending.createProducer(orders).send(sending.createTextMessage("x"));
            for (int i = 0; i < 3; i++) {
                assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
            }
            assertThat(outcomes.poll(10, TimeUnit.SECONDS)).isEqualTo("consumer closed");
        }
    }

    @Test
    void aListenerThatThrowsGetsTheMessageAgainInAutoAcknowledge() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session session = connection.createSession();
            Queue orders = session.createQueue(Shop.ORDERS);
            BlockingQueue<Integer> counts = new LinkedBlockingQueue<>();
            session.createConsumer(orders).setMessageListener(m -> {
                int count = unchecked(() -> m.getIntProperty("JMSXDeliveryCount"));
                counts.add(count);
                if (count == 1) {
                    throw new IllegalArgumentException("first time fails");
                }
            });
            Session sending = connection.createSession();
            sending.createProducer(orders).send(sending.createTextMessage("retry me"));
            assertThat(counts.poll(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(counts.poll(10, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    static String text(Message message) {
        return unchecked(() -> ((TextMessage) message).getText());
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    static <T> T unchecked(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static void run(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
