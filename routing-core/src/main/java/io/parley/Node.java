package io.parley;

import io.parley.catalog.BrokerEndpoint;
import io.parley.catalog.Catalog;
import io.parley.catalog.EndpointState;
import io.parley.catalog.RouteAddress;
import io.parley.catalog.Service;
import io.parley.delivery.NodeDelivery;
import io.parley.delivery.Transmitter;
import io.parley.routing.BrokerView;
import io.parley.routing.NodeView;
import io.parley.routing.RouteTable;
import io.parley.store.StoreConfig;
import io.parley.store.ViewRows;
import io.parley.catalog.StoreKind;
import io.parley.transport.Transport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A node: one process hosting its own store (Parley's msdb, with the node-level routes and the
 * broker endpoint) and any number of brokers, each on its own store. Opening a node opens every
 * store; if one fails, those already open are closed again and the failure is reported.
 */
public final class Node implements AutoCloseable {
    private final NodeConfig config;
    private final Broker nodeBroker;
    private final Map<String, Broker> brokers;
    private NodeDelivery delivery;

    private Node(NodeConfig config, Broker nodeBroker, Map<String, Broker> brokers) {
        this.config = config;
        this.nodeBroker = nodeBroker;
        this.brokers = Collections.unmodifiableMap(brokers);
    }

    /** Opens (creating where needed) the node's store and every broker store of {@code config}. */
    public static Node open(NodeConfig config) {
        List<Broker> opened = new ArrayList<>();
        try {
            Broker nodeBroker = Broker.open(StoreConfig.derby(config.nodeStore()), StoreKind.NODE, NodeConfig.NODE_STORE_NAME);
            opened.add(nodeBroker);
            Map<String, Broker> brokers = new LinkedHashMap<>();
            for (Map.Entry<String, Path> e : config.brokerStores().entrySet()) {
                Broker broker = Broker.open(StoreConfig.derby(e.getValue()), StoreKind.BROKER, e.getKey());
                opened.add(broker);
                brokers.put(e.getKey(), broker);
            }
            Node node = new Node(config, nodeBroker, brokers);
            node.startDelivery();
            return node;
        } catch (RuntimeException e) {
            for (Broker broker : opened) {
                broker.close();
            }
            throw e;
        }
    }

    private void startDelivery() {
        List<Transmitter.Member> members = new ArrayList<>();
        for (Broker broker : allBrokers()) {
            broker.hostedBy(this::routingView);
            members.add(new Transmitter.Member(broker.store(), broker.dialogs().transmissions()));
        }
        Optional<BrokerEndpoint> endpoint = config.network() ? nodeBroker.catalog().endpoint() : Optional.empty();
        delivery = NodeDelivery.start(config.name(), members, config.retry(), this::routingView, endpoint,
                config.transportSecurity());
        for (Broker broker : allBrokers()) {
            broker.dialogs().onTransmissionQueued(delivery::wake);
        }
        if (config.network()) {
            nodeBroker.afterEachScript(catalog -> delivery.endpointChanged(catalog.endpoint()));
        }
    }

    public NodeConfig config() {
        return config;
    }

    /** The node's own store as a broker: node-level routes and the broker endpoint live here. */
    public Broker nodeBroker() {
        return nodeBroker;
    }

    /** The hosted brokers in configuration order, without the node's own store. */
    public Collection<Broker> brokers() {
        return brokers.values();
    }

    /**
     * The hosted broker named {@code name}, or the node's own store for {@code msdb}.
     *
     * @throws IllegalArgumentException naming the brokers this node does host
     */
    public Broker broker(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("node '" + config.name()
                + "' hosts no broker '" + name + "'; it hosts: " + String.join(", ", brokerNames())));
    }

    /** The hosted broker named {@code name}, or the node's own store for {@code msdb}, if any. */
    public Optional<Broker> find(String name) {
        return NodeConfig.NODE_STORE_NAME.equals(name) ? Optional.of(nodeBroker) : Optional.ofNullable(brokers.get(name));
    }

    private List<String> brokerNames() {
        List<String> names = new ArrayList<>(brokers.keySet());
        names.add(NodeConfig.NODE_STORE_NAME);
        return names;
    }

    /**
     * The node as route matching sees it now: every broker (the node's own store included) with its
     * services and routes, the node-level routes, the addresses under which the broker endpoint is
     * reached (R-ROUTE-10: its LISTENER_IP, and the loopback names when it listens on loopback or on
     * all interfaces; host names are not resolved), and whether forwarding is on, which needs a
     * STARTED endpoint (R-FWD-2).
     */
    public NodeView routingView() {
        List<BrokerView> views = new ArrayList<>();
        for (Broker broker : allBrokers()) {
            Catalog catalog = broker.catalog();
            Set<String> services = catalog.services().stream().map(Service::name).collect(Collectors.toSet());
            views.add(new BrokerView(broker.brokerInstanceId(), broker.isEnabled(), services, RouteTable.of(catalog.routes())));
        }
        Catalog nodeCatalog = nodeBroker.catalog();
        Optional<BrokerEndpoint> endpoint = nodeCatalog.endpoint();
        Set<RouteAddress.Tcp> ownAddresses = endpoint.map(Node::addressesOf).orElse(Set.of());
        boolean forwarding = endpoint.filter(e -> e.state() == EndpointState.STARTED && e.messageForwarding()).isPresent();
        return new NodeView(views, RouteTable.of(nodeCatalog.routes()), ownAddresses, forwarding);
    }

    private static Set<RouteAddress.Tcp> addressesOf(BrokerEndpoint endpoint) {
        Set<RouteAddress.Tcp> addresses = new HashSet<>();
        int port = endpoint.listenerPort();
        if (endpoint.listenerIp() != null) {
            addresses.add(new RouteAddress.Tcp(endpoint.listenerIp(), port));
        }
        if (endpoint.listenerIp() == null || isLoopback(endpoint.listenerIp())) {
            addresses.add(new RouteAddress.Tcp("127.0.0.1", port));
            addresses.add(new RouteAddress.Tcp("localhost", port));
            addresses.add(new RouteAddress.Tcp("::1", port));
        }
        return addresses;
    }

    private static boolean isLoopback(String ip) {
        return ip.startsWith("127.") || ip.equals("::1") || ip.equalsIgnoreCase("localhost");
    }

    private List<Broker> allBrokers() {
        List<Broker> all = new ArrayList<>(brokers.values());
        all.add(nodeBroker);
        return all;
    }

    /** Where this node listens for other nodes while its broker endpoint is STARTED; empty while it does not listen. */
    public Optional<InetSocketAddress> listeningAddress() {
        Transport transport = delivery.transport();
        return transport == null ? Optional.empty() : Optional.of(transport.localAddress());
    }

    /**
     * The node's links to other nodes now, with what was sent and received on each: Parley's
     * {@code sys.dm_broker_connections} (R-VIEW-7), held in memory, so there is no SQL view of it.
     */
    public ViewRows brokerConnections() {
        return delivery.connections();
    }

    /** Stops delivery and the network endpoint, then closes every store; each is closed even if closing another fails. */
    @Override
    public void close() {
        delivery.close();
        RuntimeException first = null;
        for (Broker broker : allBrokers()) {
            try {
                broker.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
