package io.parley.routing;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A broker of this node as routing sees it: its broker instance id, whether message delivery is
 * enabled (R-OBJ-29), the names of the services it hosts and its own routing table, used for the
 * messages its conversation endpoints send (R-ROUTE-9). Service names compare byte-exactly (R-OBJ-1).
 */
public record BrokerView(UUID id, boolean deliveryEnabled, Set<String> serviceNames, RouteTable routes) {

    public BrokerView {
        Objects.requireNonNull(id, "id");
        serviceNames = Set.copyOf(serviceNames);
        Objects.requireNonNull(routes, "routes");
    }

    /** True when this broker has a service with exactly this name, whether or not delivery is on. */
    public boolean hostsService(String serviceName) {
        return serviceNames.contains(serviceName);
    }
}
