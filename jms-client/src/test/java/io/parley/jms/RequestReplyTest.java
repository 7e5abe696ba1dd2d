package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.jms.destination.ConversationDestination;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request and reply on one dialog: JMSReplyTo names the dialog, and the reply arrives at the service that began it. */
class RequestReplyTest {
    @TempDir
    Path dir;

    @Test
    void aReplyToTheClientServiceTravelsBackOnTheSameDialog() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session requester = connection.createSession();
            Queue orders = requester.createQueue(Shop.ORDERS);
            Queue replies = requester.createQueue(ParleyConnectionFactory.DEFAULT_CLIENT_SERVICE);
            TextMessage request = requester.createTextMessage("order 7");
            request.setJMSReplyTo(replies);
            requester.createProducer(orders).send(request);

            Session responder = connection.createSession();
            Message received = responder.createConsumer(orders).receive(10_000);
            assertThat(received.getJMSReplyTo()).isInstanceOf(ConversationDestination.class);
            assertThat(((Queue) received.getJMSReplyTo()).getQueueName()).startsWith("conversation:");
            TextMessage reply = responder.createTextMessage("confirmed 7");
            reply.setJMSCorrelationID(received.getJMSMessageID());
            responder.createProducer(received.getJMSReplyTo()).send(reply);

            MessageConsumer replyConsumer = requester.createConsumer(replies);
            TextMessage answer = (TextMessage) replyConsumer.receive(10_000);
            assertThat(answer.getText()).isEqualTo("confirmed 7");
            assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
            assertThat(answer.getJMSDestination()).isEqualTo(replies);

            TextMessage second = requester.createTextMessage("order 8");
            second.setJMSReplyTo(replies);
            requester.createProducer(orders).send(second);
            Message secondReceived = responder.createConsumer(orders).receive(10_000);
            assertThat(secondReceived.getJMSReplyTo()).as("the session's dialog to Orders carries both requests")
                    .isEqualTo(received.getJMSReplyTo());
            assertThat(secondReceived.getStringProperty("JMSXGroupID"))
                    .isEqualTo(received.getStringProperty("JMSXGroupID"));
        }
    }

    @Test
    void aTemporaryQueueAsReplyToGetsTheRepliesWhileTheRequesterWaits() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session requester = connection.createSession();
            TemporaryQueue replies = requester.createTemporaryQueue();
            Queue orders = requester.createQueue(Shop.ORDERS);
            Session responder = connection.createSession();
            MessageConsumer service = responder.createConsumer(orders);

            for (int i = 0; i < 3; i++) {
                TextMessage request = requester.createTextMessage("q" + i);
                request.setJMSReplyTo(replies);
                requester.createProducer(orders).send(request);
                Message received = service.receive(10_000);
                MessageProducer back = responder.createProducer(received.getJMSReplyTo());
                back.send(responder.createTextMessage("a" + i));
            }
            MessageConsumer answers = requester.createConsumer(replies);
            for (int i = 0; i < 3; i++) {
                assertThat(((TextMessage) answers.receive(10_000)).getText()).isEqualTo("a" + i);
            }
            answers.close();
            replies.delete();
            assertThat(service.receive(10_000).getJMSType())
                    .as("deleting the temporary queue ended its dialog; Orders hears of it")
                    .isEqualTo("http://schemas.microsoft.com/SQL/ServiceBroker/EndDialog");
        }
    }

    @Test
    void closingASessionEndsItsDialogsAndTheConsumerOfTheTargetEndsItsSide() throws Exception {
        try (Shop shop = new Shop(dir)) {
            Connection connection = shop.connection();
            Session sender = connection.createSession();
            Queue orders = sender.createQueue(Shop.ORDERS);
            sender.createProducer(orders).send(sender.createTextMessage("last words"));
            sender.close();

            Session receiver = connection.createSession();
            MessageConsumer consumer = receiver.createConsumer(orders);
            assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("last words");
            Message end = consumer.receive(10_000);
            assertThat(end.getJMSType()).isEqualTo("http://schemas.microsoft.com/SQL/ServiceBroker/EndDialog");
            assertThat(end).isNotInstanceOf(TextMessage.class);
            assertThat(shop.openEndpoints()).as("both sides ended").isZero();
        }
    }
}
