package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.NodeConfig;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuring the factory, sharing one open node, client IDs and metadata. */
class FactoryTest {
    @TempDir
    Path dir;

    @Test
    void factoriesOnOneNodeDirectoryShareOneOpenNodeUntilTheLastConnectionCloses() throws Exception {
        NodeConfig config = NodeConfig.of("shared", dir, "Orders");
        ParleyConnectionFactory first = new ParleyConnectionFactory(config);
        ParleyConnectionFactory second = new ParleyConnectionFactory(NodeConfig.of("shared", dir, "Orders"));
        Connection a = first.createConnection();
        Connection b = second.createConnection();
        Session session = a.createSession();
        Queue client = session.createQueue(ParleyConnectionFactory.DEFAULT_CLIENT_SERVICE);
        session.createProducer(client).send(session.createTextMessage("to the client service"));
        b.start();
        MessageConsumer consumer = b.createSession().createConsumer(client);
        assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("to the client service");
        a.close();
        b.close();
        Connection again = first.createConnection();
        again.close();
    }

    @Test
    void theUriNamesNodeBrokerClientServiceAndContract() throws Exception {
        Path properties = dir.resolve("node.properties");
        Files.writeString(properties, "node.data-dir = data\nnode.brokers = A, B\n");
        assertThatThrownBy(() -> new ParleyConnectionFactory("parley:" + properties).createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("A, B");
        ParleyConnectionFactory factory = new ParleyConnectionFactory("parley:" + properties
                + "?broker=B&clientService=//b/client&contract=DEFAULT");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue("//b/client")).send(session.createMessage());
            connection.start();
            assertThat(session.createConsumer(session.createQueue("//b/client")).receive(10_000)).isNotNull();
        }
        assertThatThrownBy(() -> new ParleyConnectionFactory("parley:" + properties + "?colour=red"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> new ParleyConnectionFactory("amqp://host")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParleyConnectionFactory("parley://host/x")).hasMessageContaining("host");
    }

    @Test
    void aClientIdIsSetOnceBeforeUseAndOnlyOnceInTheProcess() throws Exception {
        ParleyConnectionFactory factory = new ParleyConnectionFactory(NodeConfig.of("ids", dir, "Orders"));
        try (Connection a = factory.createConnection(); Connection b = factory.createConnection();
             Connection c = factory.createConnection()) {
            a.setClientID("app-1");
            assertThat(a.getClientID()).isEqualTo("app-1");
            assertThatThrownBy(() -> a.setClientID("app-2")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> b.setClientID("app-1")).isInstanceOf(InvalidClientIDException.class)
                    .hasMessageContaining("app-1");
            c.createSession();
            assertThatThrownBy(() -> c.setClientID("late")).isInstanceOf(IllegalStateException.class);
        }
        try (Connection reuse = factory.createConnection()) {
            reuse.setClientID("app-1");
        }
    }

    @Test
    void metadataReportsJakartaMessaging31AndParley() throws Exception {
        try (Connection connection = new ParleyConnectionFactory(NodeConfig.of("meta", dir, "Orders"))
                .createConnection()) {
            ConnectionMetaData meta = connection.getMetaData();
            assertThat(meta.getJMSVersion()).isEqualTo("3.1");
            assertThat(meta.getJMSMajorVersion()).isEqualTo(3);
            assertThat(meta.getJMSMinorVersion()).isEqualTo(1);
            assertThat(meta.getJMSProviderName()).isEqualTo("Parley");
            assertThat(meta.getProviderVersion()).isNotBlank();
            assertThat(Collections.list(meta.getJMSXPropertyNames()))
                    .containsExactlyInAnyOrder("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
        }
    }
}
