package io.parley.jms;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.catalog.SystemObjects;
import io.parley.jms.connection.ConnectionSettings;
import io.parley.jms.connection.ParleyConnection;
import io.parley.jms.connection.SharedNodes;
import io.parley.jms.session.Errors;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a Parley application starts: a connection factory for one broker of a node that runs in this JVM. Give it the
 * node as a properties file, a {@link NodeConfig}, a URI ({@code parley:/path/node.properties?broker=Orders}) or an
 * already open {@link Node}. Nodes the factory opens are shared by every factory and connection on the same
 * directory and closed with their last connection; a node handed in stays the application's to close.
 * <p>
 * Without {@code broker} the node's only broker is used. Without {@code clientService}, sessions send from the
 * service {@value #DEFAULT_CLIENT_SERVICE} on queue {@value #DEFAULT_CLIENT_QUEUE}, created with DDL on first use; a
 * configured client service that does not exist is created on a queue of its own name and {@code /queue}. Without
 * {@code contract}, dialogs use the DEFAULT contract. User names and passwords are accepted and not checked: Parley
 * has no users yet. A factory is immutable and safe to share.
 */
public final class ParleyConnectionFactory implements ConnectionFactory, QueueConnectionFactory {
    /** The client service sessions send from unless configured otherwise. */
    public static final String DEFAULT_CLIENT_SERVICE = "//parley/jms-client";
    /** The queue of {@link #DEFAULT_CLIENT_SERVICE}. */
    public static final String DEFAULT_CLIENT_QUEUE = "ParleyJmsClientQueue";

    private sealed interface NodeSource {
        SharedNodes.Lease lease();
    }

    private record NodeFile(Path file) implements NodeSource {
        @Override
        public SharedNodes.Lease lease() {
            return SharedNodes.open(NodeConfig.load(file));
        }
    }

    private record Configured(NodeConfig config) implements NodeSource {
        @Override
        public SharedNodes.Lease lease() {
            return SharedNodes.open(config);
        }
    }

    private record Embedded(Node node) implements NodeSource {
        @Override
        public SharedNodes.Lease lease() {
            return SharedNodes.embedded(node);
        }
    }

    private final NodeSource source;
    private final String broker;
    private final String clientService;
    private final String contract;

    private ParleyConnectionFactory(NodeSource source, String broker, String clientService, String contract) {
        this.source = source;
        this.broker = broker;
        this.clientService = clientService;
        this.contract = contract;
    }

    /**
     * A factory configured by a URI: {@code parley:<node properties file>[?broker=…&clientService=…&contract=…]}.
     *
     * @throws IllegalArgumentException naming what is wrong with the URI
     */
    public ParleyConnectionFactory(String uri) {
        this(fromUri(ParleyUri.parse(uri)));
    }

    private ParleyConnectionFactory(ParleyConnectionFactory copy) {
        this(copy.source, copy.broker, copy.clientService, copy.contract);
    }

    private static ParleyConnectionFactory fromUri(ParleyUri uri) {
        return new ParleyConnectionFactory(new NodeFile(uri.nodeFile()), uri.broker(), uri.clientService(),
                uri.contract());
    }

    /** A factory for the node described by the properties file {@code nodeProperties} (see {@link NodeConfig}). */
    public ParleyConnectionFactory(Path nodeProperties) {
        this(new NodeFile(Objects.requireNonNull(nodeProperties, "nodeProperties")), null, null, null);
    }

    /** A factory for the node {@code config} describes. */
    public ParleyConnectionFactory(NodeConfig config) {
        this(new Configured(Objects.requireNonNull(config, "config")), null, null, null);
    }

    /** A factory for a node the application has opened and will close itself. */
    public ParleyConnectionFactory(Node node) {
        this(new Embedded(Objects.requireNonNull(node, "node")), null, null, null);
    }

    /** This factory for broker {@code name} of the node. */
    public ParleyConnectionFactory withBroker(String name) {
        return new ParleyConnectionFactory(source, Objects.requireNonNull(name, "name"), clientService, contract);
    }

    /** This factory with sessions sending from service {@code name} when a message names no reply-to service. */
    public ParleyConnectionFactory withClientService(String name) {
        return new ParleyConnectionFactory(source, broker, Objects.requireNonNull(name, "name"), contract);
    }

    /** This factory with sessions beginning their dialogs on contract {@code name}. */
    public ParleyConnectionFactory withContract(String name) {
        return new ParleyConnectionFactory(source, broker, clientService, Objects.requireNonNull(name, "name"));
    }

    @Override
    public Connection createConnection() throws JMSException {
        return open();
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return open();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return open();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return open();
    }

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return createContext(sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        try {
            return io.parley.jms.context.ParleyJMSContext.open(open(), sessionMode);
        } catch (JMSException e) {
            throw io.parley.jms.context.RuntimeExceptions.of(e);
        }
    }

    private ParleyConnection open() throws JMSException {
        SharedNodes.Lease lease;
        try {
            lease = source.lease();
        } catch (RuntimeException e) {
            throw Errors.jms(e);
        }
        try {
            String brokerName = broker != null ? broker : onlyBroker(lease.node());
            lease.node().broker(brokerName);
            String service = clientService != null ? clientService : DEFAULT_CLIENT_SERVICE;
            String queue = clientService != null ? clientService + "/queue" : DEFAULT_CLIENT_QUEUE;
            return new ParleyConnection(lease, new ConnectionSettings(brokerName, service, queue,
                    contract != null ? contract : SystemObjects.DEFAULT));
        } catch (JMSException | RuntimeException e) {
            lease.release();
            throw e instanceof JMSException jms ? jms : Errors.jms((RuntimeException) e);
        }
    }

    private static String onlyBroker(Node node) throws JMSException {
        List<String> names = node.brokers().stream().map(Broker::name).toList();
        if (names.size() != 1) {
            throw new JMSException("node '" + node.config().name() + "' hosts " + (names.isEmpty() ? "no broker"
                    : "the brokers " + String.join(", ", names)) + "; name the one to use with withBroker(…) or"
                    + " broker= in the URI");
        }
        return names.get(0);
    }

    @Override
    public String toString() {
        return "ParleyConnectionFactory[" + source + (broker == null ? "" : ", broker=" + broker)
                + (clientService == null ? "" : ", clientService=" + clientService)
                + (contract == null ? "" : ", contract=" + contract) + "]";
    }
}
