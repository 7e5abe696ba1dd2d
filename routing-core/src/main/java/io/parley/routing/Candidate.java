package io.parley.routing;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import java.util.UUID;

/**
 * One member of a matched set as choosing sees it (§3.4): a route, or the implicit LOCAL route of
 * step 6 (R-ROUTE-17), which has no {@code route}.
 */
record Candidate(Route route, UUID broker, String serviceName, RouteAddress address) {

    static Candidate of(Route route) {
        return new Candidate(route, route.brokerInstance(), route.serviceName(), route.address());
    }

    static Candidate implicitLocal(String serviceName) {
        return new Candidate(null, null, serviceName, RouteAddress.LOCAL);
    }

    boolean hasMirror() {
        return route != null && route.mirrorAddress() != null;
    }

    /** Candidates with equal identities are one choice (R-ROUTE-7). */
    Identity identity() {
        return new Identity(broker, serviceName, address);
    }

    record Identity(UUID broker, String serviceName, RouteAddress address) {
    }
}
