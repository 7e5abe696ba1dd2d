package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simplified API: JMSContext, JMSProducer and JMSConsumer over a real node. */
class ContextTest {
    @TempDir
    Path dir;

    @Test
    void sendAndReceiveBodiesWithTheFluentProducer() throws Exception {
        try (Shop shop = new Shop(dir); JMSContext context = shop.factory.createContext()) {
            Queue orders = context.createQueue(Shop.ORDERS);
            JMSProducer producer = context.createProducer().setProperty("region", "EU").setPriority(7)
                    .setJMSCorrelationID("c-1");
            producer.send(orders, "text body");
            producer.send(orders, Map.of("item", "widget", "count", 2));
            producer.send(orders, new byte[] {1, 2});
            producer.send(orders, (java.io.Serializable) java.util.List.of("x"));
            assertThat(producer.getPropertyNames()).containsExactly("region");
            assertThat(producer.getStringProperty("region")).isEqualTo("EU");

            JMSConsumer consumer = context.createConsumer(orders, "region = 'EU'");
            Message first = consumer.receive(10_000);
            assertThat(first.getJMSPriority()).isEqualTo(7);
            assertThat(first.getJMSCorrelationID()).isEqualTo("c-1");
            assertThat(first.getBody(String.class)).isEqualTo("text body");
            assertThat(consumer.receiveBody(Map.class, 10_000)).containsEntry("item", "widget");
            assertThat(consumer.receiveBody(byte[].class, 10_000)).containsExactly(1, 2);
            assertThatThrownBy(() -> consumer.receiveBody(String.class, 10_000))
                    .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(java.util.List.class, 10_000)).as("it was not acknowledged: again")
                    .containsExactly("x");
            assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
        }
    }

    @Test
    void contextsShareTheirConnectionAndMapCheckedExceptionsToRuntimeOnes() throws Exception {
        try (Shop shop = new Shop(dir)) {
            JMSContext context = shop.factory.createContext(JMSContext.SESSION_TRANSACTED);
            JMSContext second = context.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
            assertThat(context.getSessionMode()).isEqualTo(JMSContext.SESSION_TRANSACTED);
            assertThat(context.getTransacted()).isTrue();
            assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
            Queue orders = context.createQueue(Shop.ORDERS);
            context.createProducer().send(orders, "committed later");
            JMSConsumer consumer = second.createConsumer(orders);
            assertThat(consumer.receive(200)).isNull();
            context.commit();
            Message message = consumer.receive(10_000);
            second.recover();
            Message again = consumer.receive(10_000);
            assertThat(again.getJMSRedelivered()).isTrue();
            second.acknowledge();
            assertThat(message.getBody(String.class)).isEqualTo("committed later");

            assertThatThrownBy(() -> context.createTopic("t")).isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> context.createConsumer(context.createQueue("//nope")))
                    .isInstanceOf(InvalidDestinationRuntimeException.class);
            assertThatThrownBy(() -> context.createConsumer(orders, "= ="))
                    .isInstanceOf(InvalidSelectorRuntimeException.class);
            assertThatThrownBy(() -> context.createProducer().setPriority(11)).isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> context.createProducer().setProperty("JMSXUserID", "me"))
                    .isInstanceOf(IllegalArgumentException.class);
            context.close();
            assertThat(second.createProducer()).as("the connection stays while a context uses it").isNotNull();
            second.close();
            assertThatThrownBy(() -> second.createProducer()).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void anAsynchronousSendCompletesAfterItIsDurable() throws Exception {
        try (Shop shop = new Shop(dir); JMSContext context = shop.factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue orders = context.createQueue(Shop.ORDERS);
            CompletableFuture<Message> completed = new CompletableFuture<>();
            context.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    completed.complete(message);
                }

                @Override
                public void onException(Message message, Exception exception) {
                    completed.completeExceptionally(exception);
                }
            }).send(orders, "async");
            Thread.sleep(100);
            assertThat(completed).as("not before the commit").isNotDone();
            context.commit();
            assertThat(completed.get(10, TimeUnit.SECONDS).getBody(String.class)).isEqualTo("async");
        }
    }
}
