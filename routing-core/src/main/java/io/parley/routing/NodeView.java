package io.parley.routing;

import io.parley.catalog.RouteAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A snapshot of one node as routing sees it: its brokers, its node-level routing table (the
 * msdb-level {@code sys.routes}, R-ROUTE-9), the TCP addresses under which other nodes reach its
 * broker endpoint (R-ROUTE-10) and whether it forwards messages (R-FWD-2). Broker ids must be
 * distinct; a broker whose id duplicates an enabled one (R-OBJ-30) is never routed to or from, so
 * it is left out. Only brokers with delivery enabled are seen when locating a service (R-ROUTE-25).
 */
public record NodeView(
        List<BrokerView> brokers,
        RouteTable routes,
        Set<RouteAddress.Tcp> ownAddresses,
        boolean forwardingEnabled) {

    public NodeView {
        brokers = List.copyOf(brokers);
        Objects.requireNonNull(routes, "routes");
        ownAddresses = Set.copyOf(ownAddresses);
        Set<UUID> ids = new HashSet<>();
        for (BrokerView broker : brokers) {
            if (!ids.add(broker.id())) {
                throw new IllegalArgumentException("broker instance id " + broker.id() + " appears twice on this node");
            }
        }
    }

    /** The broker with this id, whether or not its delivery is enabled. */
    public Optional<BrokerView> broker(UUID id) {
        return brokers.stream().filter(broker -> broker.id().equals(id)).findFirst();
    }

    /** The broker with this id if messages can be delivered to it (R-OBJ-29). */
    public Optional<BrokerView> deliverableBroker(UUID id) {
        return broker(id).filter(BrokerView::deliveryEnabled);
    }

    /** True when a broker with delivery enabled hosts a service of exactly this name (R-OBJ-1). */
    public boolean hostsService(String serviceName) {
        return brokers.stream().anyMatch(broker -> broker.deliveryEnabled() && broker.hostsService(serviceName));
    }

    /**
     * The broker a service is found in when no broker id is known (R-ROUTE-25): {@code ownBroker}
     * (the conversation's own broker, null for a message from another node) if it hosts the service,
     * otherwise one of the other hosting brokers chosen with {@code random}, since the order in which
     * SQL Server searches the other databases is unspecified. Empty when no enabled broker hosts it.
     */
    public Optional<UUID> locateService(String serviceName, UUID ownBroker, RandomGenerator random) {
        List<UUID> hosts = brokers.stream()
                .filter(broker -> broker.deliveryEnabled() && broker.hostsService(serviceName))
                .map(BrokerView::id)
                .toList();
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        if (ownBroker != null && hosts.contains(ownBroker)) {
            return Optional.of(ownBroker);
        }
        return Optional.of(hosts.get(random.nextInt(hosts.size())));
    }

    /**
     * True when {@code address} is one of this node's own addresses (R-ROUTE-10). Host names are
     * compared without regard to case, as DNS does; resolving names to IP addresses is the caller's
     * job, by listing every form under which the node is known.
     */
    public boolean isOwnAddress(RouteAddress.Tcp address) {
        return ownAddresses.stream()
                .anyMatch(own -> own.port() == address.port() && own.host().equalsIgnoreCase(address.host()));
    }
}
