package io.parley.routing;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import io.parley.catalog.SystemObjects;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The harness of §9 for matcher tests: node I1 with brokers AW (service {@code Client}) and DB2,
 * AutoCreatedLocal in every table unless a test replaces the table, forwarding disabled, and a
 * fixed clock reading.
 */
final class Fixtures {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    static final UUID AW = UUID.fromString("a0000000-0000-4000-8000-0000000000a1");
    static final UUID DB2 = UUID.fromString("d0000000-0000-4000-8000-0000000000d2");
    static final UUID DB3 = UUID.fromString("d0000000-0000-4000-8000-0000000000d3");
    static final UUID G1 = UUID.fromString("90000000-0000-4000-8000-000000000001");
    static final UUID G2 = UUID.fromString("90000000-0000-4000-8000-000000000002");
    static final UUID G3 = UUID.fromString("90000000-0000-4000-8000-000000000003");
    static final UUID G9 = UUID.fromString("90000000-0000-4000-8000-000000000009");

    static final Route ACL = SystemObjects.AUTO_CREATED_LOCAL_ROUTE;
    /** The address under which other nodes reach I1. */
    static final RouteAddress.Tcp I1 = tcp("i1");

    private Fixtures() {
    }

    static RouteAddress.Tcp tcp(String host) {
        return new RouteAddress.Tcp(host, 4022);
    }

    /** A route without broker id; {@code address} as in CREATE ROUTE. */
    static Route route(String name, String service, String address) {
        return route(name, service, null, address);
    }

    static Route route(String name, String service, UUID broker, String address) {
        return new Route(name, service, broker, RouteAddress.parse(address), null, null);
    }

    static Route expiringAt(Route route, Instant expiresAt) {
        return new Route(route.name(), route.serviceName(), route.brokerInstance(), route.address(),
                route.mirrorAddress(), expiresAt);
    }

    static RouteMatcher matcher() {
        return matcher(1);
    }

    /** A seeded matcher; SplittableRandom, as java.util.Random's first draws agree for neighbouring seeds. */
    static RouteMatcher matcher(long seed) {
        return new RouteMatcher(new SplittableRandom(seed));
    }

    static NodeBuilder node() {
        return new NodeBuilder();
    }

    /** Builds {@link NodeView}s; every call changes this builder, {@link #build()} snapshots it. */
    static final class NodeBuilder {
        private final Map<UUID, BrokerView> brokers = new LinkedHashMap<>();
        private RouteTable nodeRoutes = RouteTable.of(ACL);
        private Set<RouteAddress.Tcp> ownAddresses = Set.of(I1);
        private boolean forwarding;

        NodeBuilder() {
            broker(AW, "Client");
            broker(DB2);
        }

        /** Adds the broker, or replaces the services of an existing one. */
        NodeBuilder broker(UUID id, String... services) {
            BrokerView old = brokers.get(id);
            RouteTable routes = old == null ? RouteTable.of(ACL) : old.routes();
            boolean enabled = old == null || old.deliveryEnabled();
            brokers.put(id, new BrokerView(id, enabled, Set.of(services), routes));
            return this;
        }

        NodeBuilder addService(UUID id, String service) {
            BrokerView old = brokers.get(id);
            Set<String> services = new LinkedHashSet<>(old.serviceNames());
            services.add(service);
            brokers.put(id, new BrokerView(id, old.deliveryEnabled(), services, old.routes()));
            return this;
        }

        NodeBuilder routes(UUID id, Route... routes) {
            BrokerView old = brokers.get(id);
            RouteTable table = new RouteTable(List.of(routes), old.routes().pendingRouteRequests());
            brokers.put(id, new BrokerView(id, old.deliveryEnabled(), old.serviceNames(), table));
            return this;
        }

        NodeBuilder pending(UUID id, String service) {
            BrokerView old = brokers.get(id);
            brokers.put(id, new BrokerView(id, old.deliveryEnabled(), old.serviceNames(),
                    old.routes().withPendingRouteRequest(service)));
            return this;
        }

        NodeBuilder deliveryDisabled(UUID id) {
            BrokerView old = brokers.get(id);
            brokers.put(id, new BrokerView(id, false, old.serviceNames(), old.routes()));
            return this;
        }

        NodeBuilder nodeRoutes(Route... routes) {
            nodeRoutes = new RouteTable(List.of(routes), nodeRoutes.pendingRouteRequests());
            return this;
        }

        NodeBuilder nodePending(String service) {
            nodeRoutes = nodeRoutes.withPendingRouteRequest(service);
            return this;
        }

        NodeBuilder ownAddresses(RouteAddress.Tcp... addresses) {
            ownAddresses = Set.of(addresses);
            return this;
        }

        NodeBuilder forwarding(boolean enabled) {
            forwarding = enabled;
            return this;
        }

        NodeView build() {
            return new NodeView(List.copyOf(brokers.values()), nodeRoutes, ownAddresses, forwarding);
        }
    }
}
