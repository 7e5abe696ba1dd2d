package io.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.utils.VersionLoader;

/**
 * The peer: an embedded ActiveMQ Artemis broker with a persistent NIO file journal whose
 * journal-buffer-timeout is measured on this disk first (see {@link JournalBufferTimeout}), reached
 * through the core API over the in-VM acceptor, so no socket is opened. Sessions are transacted and
 * messages durable; the queue is one durable anycast queue. Its address pages to disk beyond
 * {@value #PAGING_BEYOND_MIB} MiB, as a broker with a bounded memory budget does, so S2's gigabyte of
 * queued messages lies on disk as it does in Parley and Derby instead of in the heap; P1 to P4 never
 * queue that much, so paging does not touch their figures.
 */
final class ArtemisSystem implements MessagingSystem {
    private static final String QUEUE = "bench";
    private static final String DEAD_LETTERS = "DLQ";
    private static final String EXPIRED = "ExpiryQueue";
    private static final int PAGING_BEYOND_MIB = 100;
    /** In-VM acceptors share one registry per JVM; each broker needs an id of its own. */
    private static final AtomicInteger NEXT_SERVER_ID = new AtomicInteger();

    private final ActiveMQServer server;
    private final ServerLocator locator;
    private final ClientSessionFactory sessions;
    private final JournalBufferTimeout bufferTimeout;

    private ArtemisSystem(ActiveMQServer server, ServerLocator locator, ClientSessionFactory sessions,
            JournalBufferTimeout bufferTimeout) {
        this.server = server;
        this.locator = locator;
        this.sessions = sessions;
        this.bufferTimeout = bufferTimeout;
    }

    /** Measures the disk, starts the broker with its files in {@code directory} and creates the queue. */
    static ArtemisSystem start(Path directory) throws Exception {
        Path journal = Files.createDirectories(directory.resolve("journal"));
        JournalBufferTimeout bufferTimeout = JournalBufferTimeout.measure(journal);
        String url = "vm://" + NEXT_SERVER_ID.incrementAndGet();
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(configuration(directory, journal, bufferTimeout, url));
        server.start();
        ServerLocator locator = ActiveMQClient.createServerLocator(url);
        try {
            ClientSessionFactory sessions = locator.createSessionFactory();
            try (ClientSession session = sessions.createSession()) {
                session.createQueue(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
            return new ArtemisSystem(server, locator, sessions, bufferTimeout);
        } catch (Exception e) {
            locator.close();
            server.stop();
            throw e;
        }
    }

    /**
     * The journal settings {@code artemis create} writes into broker.xml for an NIO journal, and its
     * dead-letter and expiry addresses, without which Artemis warns about every queue.
     */
    private static Configuration configuration(Path directory, Path journal, JournalBufferTimeout bufferTimeout,
            String url) throws Exception {
        return new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDatasync(true)
                .setJournalBufferTimeout_NIO(bufferTimeout.nanos())
                .setPageSyncTimeout(bufferTimeout.nanos())
                .setJournalMinFiles(2)
                .setJournalPoolFiles(10)
                .setJournalDirectory(journal.toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(directory.toString())
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                        .setExpiryAddress(SimpleString.of(EXPIRED))
                        .setMaxSizeBytes(PAGING_BEYOND_MIB * 1024L * 1024L)
                        .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE))
                .addAddressConfiguration(anycastAddress(DEAD_LETTERS))
                .addAddressConfiguration(anycastAddress(EXPIRED))
                .addAcceptorConfiguration("in-vm", url);
    }

    private static CoreAddressConfiguration anycastAddress(String name) {
        return new CoreAddressConfiguration().setName(name).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST));
    }

    @Override
    public String description() {
        return "ActiveMQ Artemis " + VersionLoader.getVersion().getFullVersion()
                + " embedded, core API over the in-VM acceptor, transacted sessions, persistent NIO journal, "
                + bufferTimeout + ", paging to disk beyond " + PAGING_BEYOND_MIB + " MiB queued";
    }

    @Override
    public Sender openSender() throws Exception {
        return new ArtemisSender(sessions.createSession(false, false, false));
    }

    @Override
    public Receiver openReceiver() throws Exception {
        return new ArtemisReceiver(sessions.createSession(false, false, false));
    }

    @Override
    public void close() {
        sessions.close();
        locator.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not stop", e);
        }
    }

    private static void closeSession(ClientSession session) {
        try {
            session.close();
        } catch (ActiveMQException e) {
            throw new IllegalStateException("Artemis could not close a session", e);
        }
    }

    private static final class ArtemisSender implements Sender {
        private final ClientSession session;
        private final ClientProducer producer;

        ArtemisSender(ClientSession session) throws Exception {
            this.session = session;
            this.producer = session.createProducer(QUEUE);
        }

        @Override
        public void send(byte[] body) throws Exception {
            ClientMessage message = session.createMessage(true);
            message.getBodyBuffer().writeBytes(body);
            producer.send(message);
        }

        @Override
        public void commit() throws Exception {
            session.commit();
        }

        @Override
        public void close() {
            closeSession(session);
        }
    }

    private static final class ArtemisReceiver implements Receiver {
        private final ClientSession session;
        private final ClientConsumer consumer;

        ArtemisReceiver(ClientSession session) throws Exception {
            this.session = session;
            this.consumer = session.createConsumer(QUEUE);
            session.start();
        }

        @Override
        public Optional<byte[]> receive(Duration maxWait) throws Exception {
            // receive(0) would wait forever.
            ClientMessage message = consumer.receive(Math.max(1, maxWait.toMillis()));
            if (message == null) {
                return Optional.empty();
            }
            message.acknowledge();
            byte[] body = new byte[message.getBodySize()];
            message.getBodyBuffer().readBytes(body);
            return Optional.of(body);
        }

        @Override
        public void commit() throws Exception {
            session.commit();
        }

        @Override
        public void close() {
            closeSession(session);
        }
    }
}
