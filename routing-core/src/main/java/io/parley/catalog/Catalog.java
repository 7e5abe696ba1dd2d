package io.parley.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one store's Service Broker objects. Lookups compare names byte-exactly
 * (R-OBJ-1). The {@code with…}/{@code without…} methods return a new snapshot and check only
 * structure; the rules between objects (a service needs its queue, a contract its message types)
 * are enforced by the DDL layer that produces snapshots. Collections iterate in creation order.
 */
public final class Catalog {
    private final Map<String, MessageType> messageTypes;
    private final Map<String, Contract> contracts;
    private final Map<String, ServiceQueue> queues;
    private final Map<String, Service> services;
    private final Map<String, Route> routes;
    private final BrokerEndpoint endpoint;

    private Catalog(Map<String, MessageType> messageTypes, Map<String, Contract> contracts,
                    Map<String, ServiceQueue> queues, Map<String, Service> services,
                    Map<String, Route> routes, BrokerEndpoint endpoint) {
        this.messageTypes = Collections.unmodifiableMap(messageTypes);
        this.contracts = Collections.unmodifiableMap(contracts);
        this.queues = Collections.unmodifiableMap(queues);
        this.services = Collections.unmodifiableMap(services);
        this.routes = Collections.unmodifiableMap(routes);
        this.endpoint = endpoint;
    }

    /** A catalog with nothing in it, not even the system objects. */
    public static Catalog empty() {
        return new Catalog(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /** The catalog of a newly created store: the system objects of {@link SystemObjects}. */
    public static Catalog initial() {
        Catalog catalog = empty();
        for (MessageType type : SystemObjects.MESSAGE_TYPES) {
            catalog = catalog.withMessageType(type);
        }
        return catalog.withContract(SystemObjects.DEFAULT_CONTRACT)
                .withRoute(SystemObjects.AUTO_CREATED_LOCAL_ROUTE);
    }

    public Optional<MessageType> messageType(String name) {
        return Optional.ofNullable(messageTypes.get(name));
    }

    public Optional<Contract> contract(String name) {
        return Optional.ofNullable(contracts.get(name));
    }

    public Optional<ServiceQueue> queue(String name) {
        return Optional.ofNullable(queues.get(name));
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    public Optional<Route> route(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    /** The node's broker endpoint; only a node's own store has one, and only once created. */
    public Optional<BrokerEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    public Collection<MessageType> messageTypes() {
        return messageTypes.values();
    }

    public Collection<Contract> contracts() {
        return contracts.values();
    }

    public Collection<ServiceQueue> queues() {
        return queues.values();
    }

    public Collection<Service> services() {
        return services.values();
    }

    public Collection<Route> routes() {
        return routes.values();
    }

    public Catalog withMessageType(MessageType type) {
        return new Catalog(put(messageTypes, type.name(), type), contracts, queues, services, routes, endpoint);
    }

    public Catalog withoutMessageType(String name) {
        return new Catalog(remove(messageTypes, name), contracts, queues, services, routes, endpoint);
    }

    public Catalog withContract(Contract contract) {
        return new Catalog(messageTypes, put(contracts, contract.name(), contract), queues, services, routes, endpoint);
    }

    public Catalog withoutContract(String name) {
        return new Catalog(messageTypes, remove(contracts, name), queues, services, routes, endpoint);
    }

    public Catalog withQueue(ServiceQueue queue) {
        return new Catalog(messageTypes, contracts, put(queues, queue.name(), queue), services, routes, endpoint);
    }

    public Catalog withoutQueue(String name) {
        return new Catalog(messageTypes, contracts, remove(queues, name), services, routes, endpoint);
    }

    public Catalog withService(Service service) {
        return new Catalog(messageTypes, contracts, queues, put(services, service.name(), service), routes, endpoint);
    }

    public Catalog withoutService(String name) {
        return new Catalog(messageTypes, contracts, queues, remove(services, name), routes, endpoint);
    }

    public Catalog withRoute(Route route) {
        return new Catalog(messageTypes, contracts, queues, services, put(routes, route.name(), route), endpoint);
    }

    public Catalog withoutRoute(String name) {
        return new Catalog(messageTypes, contracts, queues, services, remove(routes, name), endpoint);
    }

    public Catalog withEndpoint(BrokerEndpoint newEndpoint) {
        return new Catalog(messageTypes, contracts, queues, services, routes, newEndpoint);
    }

    public Catalog withoutEndpoint() {
        return new Catalog(messageTypes, contracts, queues, services, routes, null);
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <V> Map<String, V> remove(Map<String, V> map, String key) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Catalog other
                && messageTypes.equals(other.messageTypes)
                && contracts.equals(other.contracts)
                && queues.equals(other.queues)
                && services.equals(other.services)
                && routes.equals(other.routes)
                && Objects.equals(endpoint, other.endpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageTypes, contracts, queues, services, routes, endpoint);
    }

    @Override
    public String toString() {
        return "Catalog[" + messageTypes.size() + " message types, " + contracts.size() + " contracts, "
                + queues.size() + " queues, " + services.size() + " services, " + routes.size() + " routes"
                + (endpoint == null ? "" : ", endpoint " + endpoint.name()) + "]";
    }
}
