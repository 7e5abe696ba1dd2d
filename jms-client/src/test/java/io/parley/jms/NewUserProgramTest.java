package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program as a new user writes it: a node properties file, a factory from its URI, then only jakarta.jms. The
 * service is created with the broker's DDL beforehand, as an operator would.
 */
class NewUserProgramTest {
    @TempDir
    Path dir;

    @Test
    void helloParley() throws Exception {
        Path properties = dir.resolve("node.properties");
        Files.writeString(properties, "node.name = hello\nnode.data-dir = data\nnode.brokers = Hello\n");
        try (Node node = Node.open(NodeConfig.load(properties))) {
            node.broker("Hello").execute("CREATE QUEUE GreetingsQ; CREATE SERVICE [//hello/Greetings] ON QUEUE GreetingsQ ([DEFAULT]);");
        }

        ConnectionFactory factory = new ParleyConnectionFactory("parley:" + properties + "?broker=Hello");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue greetings = session.createQueue("//hello/Greetings");
            session.createProducer(greetings).send(session.createTextMessage("Hello, Parley"));
            MessageConsumer consumer = session.createConsumer(greetings);
            connection.start();
            TextMessage message = (TextMessage) consumer.receive(10_000);
            assertThat(message.getText()).isEqualTo("Hello, Parley");
        }

        try (JMSContext context = factory.createContext()) {
            Queue greetings = context.createQueue("//hello/Greetings");
            context.createProducer().send(greetings, "and again");
            assertThat(context.createConsumer(greetings, "JMSType IS NULL").receiveBody(String.class, 10_000))
                    .isEqualTo("and again");
        }
    }
}
