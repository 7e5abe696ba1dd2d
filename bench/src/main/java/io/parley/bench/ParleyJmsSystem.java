package io.parley.bench;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.catalog.SystemObjects;
import io.parley.jms.ParleyConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Parley through its JMS provider: the same node, services and durability as {@link ParleySystem}, driven through
 * {@code jakarta.jms} with transacted sessions, a producer sending BytesMessages to the target service's queue and a
 * consumer receiving them. Its figures next to the engine's are what the JMS layer costs. It runs P1 to P4 only: at
 * depth and with many dialogs the engine's figures are the JMS provider's too.
 */
final class ParleyJmsSystem implements MessagingSystem {
    private static final String TARGET_SERVICE = "//Bench/Target";

    private final Node node;
    private final Connection connection;

    private ParleyJmsSystem(Node node, Connection connection) {
        this.node = node;
        this.connection = connection;
    }

    /** Creates the node, its services and one started JMS connection in {@code directory}. */
    static ParleyJmsSystem start(Path directory) throws JMSException {
        Node node = Node.open(NodeConfig.of("bench-jms", directory, "Bench"));
        try {
            node.broker("Bench").execute("""
                    CREATE QUEUE SenderQueue;
                    CREATE QUEUE BenchQueue;
                    CREATE SERVICE [//Bench/Sender] ON QUEUE SenderQueue ([DEFAULT]);
                    CREATE SERVICE [//Bench/Target] ON QUEUE BenchQueue ([DEFAULT]);
                    """);
            Connection connection = new ParleyConnectionFactory(node).withClientService("//Bench/Sender").createConnection();
            connection.start();
            return new ParleyJmsSystem(node, connection);
        } catch (JMSException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Override
    public String description() {
        return "Parley (this build) through its JMS provider: transacted sessions, one producer per sender "
                + "(one dialog), BytesMessages, consumer.receive(timeout)";
    }

    @Override
    public Sender openSender() throws JMSException {
        return new JmsSender(connection.createSession(Session.SESSION_TRANSACTED));
    }

    @Override
    public Receiver openReceiver() throws JMSException {
        return new JmsReceiver(connection.createSession(Session.SESSION_TRANSACTED));
    }

    /** A transacted session: commit is the session's, and closing it rolls back what is not committed. */
    private abstract static class TransactedSession implements AutoCloseable {
        final Session session;

        TransactedSession(Session session) {
            this.session = session;
        }

        public void commit() throws JMSException {
            session.commit();
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (JMSException e) {
                throw new IllegalStateException("closing a JMS session failed", e);
            }
        }
    }

    private static final class JmsSender extends TransactedSession implements Sender {
        private final MessageProducer producer;

        JmsSender(Session session) throws JMSException {
            super(session);
            this.producer = session.createProducer(session.createQueue(TARGET_SERVICE));
        }

        @Override
        public void send(byte[] body) throws JMSException {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            producer.send(message);
        }
    }

    private static final class JmsReceiver extends TransactedSession implements Receiver {
        private final MessageConsumer consumer;

        JmsReceiver(Session session) throws JMSException {
            super(session);
            this.consumer = session.createConsumer(session.createQueue(TARGET_SERVICE));
        }

        /** Passes over the EndDialog that follows a closed sender's last message, as a JMS application would. */
        @Override
        public Optional<byte[]> receive(Duration maxWait) throws JMSException {
            long deadline = System.nanoTime() + maxWait.toNanos();
            for (long left = maxWait.toMillis(); ; left = (deadline - System.nanoTime()) / 1_000_000) {
                Message message = consumer.receive(Math.max(1, left));
                if (message == null) {
                    return Optional.empty();
                }
                if (!SystemObjects.END_DIALOG.equals(message.getJMSType())) {
                    return Optional.of(message.getBody(byte[].class));
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            throw new IllegalStateException("closing the JMS connection failed", e);
        } finally {
            node.close();
        }
    }
}
