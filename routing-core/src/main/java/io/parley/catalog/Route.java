package io.parley.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A route (R-ROUTE-1): which next hop serves a target service name, optionally only for one broker
 * instance, until an optional absolute UTC expiry. Null {@code serviceName} or
 * {@code brokerInstance} mean "any" (R-ROUTE-2). The constructor enforces the shape rules of
 * R-ROUTE-4, so every {@code Route} that exists is one the matching steps handle (R-ROUTE-19).
 */
public record Route(
        String name,
        String serviceName,
        UUID brokerInstance,
        RouteAddress address,
        RouteAddress.Tcp mirrorAddress,
        Instant expiresAt) {

    /** The service name of the dynamic routing service (R-ROUTE-31). */
    public static final String BROKER_CONFIGURATION_SERVICE = "SQL/ServiceBroker/BrokerConfiguration";

    public Route {
        Names.require(name, "route", Names.MAX_SYSNAME_LENGTH);
        Objects.requireNonNull(address, "address");
        if (serviceName != null) {
            Names.require(serviceName, "route " + name + " SERVICE_NAME", Names.MAX_SERVICE_NAME_LENGTH);
        }
        if (brokerInstance != null && serviceName == null) {
            throw new CatalogException(9662, "route '" + name + "' names BROKER_INSTANCE without SERVICE_NAME");
        }
        if (address instanceof RouteAddress.Transport && serviceName != null) {
            throw new CatalogException(9745, "route '" + name + "' has ADDRESS 'TRANSPORT' and a SERVICE_NAME; a TRANSPORT route must not name a service");
        }
        if (brokerInstance != null && BROKER_CONFIGURATION_SERVICE.equals(serviceName)) {
            throw new CatalogException("route '" + name + "' to the dynamic routing service must not name a BROKER_INSTANCE");
        }
        if (mirrorAddress != null) {
            if (serviceName == null || brokerInstance == null) {
                throw new CatalogException(9661, "route '" + name + "' has a MIRROR_ADDRESS but not both SERVICE_NAME and BROKER_INSTANCE");
            }
            if (!(address instanceof RouteAddress.Tcp)) {
                throw new CatalogException(9743, "route '" + name + "' has a MIRROR_ADDRESS, so its ADDRESS must be a tcp address, not " + address);
            }
            if (address.equals(mirrorAddress)) {
                throw new CatalogException(9747, "route '" + name + "' has the same ADDRESS and MIRROR_ADDRESS " + address);
            }
        }
    }

    /** A route with just a name, optional service and address: no broker, no mirror, no expiry. */
    public static Route of(String name, String serviceName, RouteAddress address) {
        return new Route(name, serviceName, null, address, null, null);
    }

    /** True when the route's lifetime has passed at {@code now} (R-ROUTE-5). */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** The broker instance this route is limited to, if any. */
    public Optional<UUID> broker() {
        return Optional.ofNullable(brokerInstance);
    }
}
