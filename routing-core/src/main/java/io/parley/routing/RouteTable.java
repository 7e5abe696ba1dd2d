package io.parley.routing;

import io.parley.catalog.Route;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One routing table as matching sees it (R-ROUTE-9): the routes of a broker's {@code sys.routes} or
 * of the node-level table, plus the target service names for which a MissingRoute request made on
 * behalf of this table is still outstanding (R-ROUTE-15, R-ROUTE-32). Route order only decides which
 * of several identical routes (R-ROUTE-7) a decision names.
 */
public record RouteTable(List<Route> routes, Set<String> pendingRouteRequests) {

    public RouteTable {
        routes = List.copyOf(routes);
        pendingRouteRequests = Set.copyOf(pendingRouteRequests);
    }

    /** A table with these routes and no outstanding route request. */
    public static RouteTable of(Collection<Route> routes) {
        return new RouteTable(List.copyOf(routes), Set.of());
    }

    /** A table with these routes and no outstanding route request. */
    public static RouteTable of(Route... routes) {
        return of(List.of(routes));
    }

    /** This table with a MissingRoute request for {@code serviceName} outstanding as well. */
    public RouteTable withPendingRouteRequest(String serviceName) {
        Set<String> pending = new HashSet<>(pendingRouteRequests);
        pending.add(Objects.requireNonNull(serviceName, "serviceName"));
        return new RouteTable(routes, pending);
    }

    /** True when a MissingRoute request for exactly this name is outstanding (R-OBJ-1). */
    public boolean isRouteRequestPending(String serviceName) {
        return pendingRouteRequests.contains(serviceName);
    }

    /** The routes that take part in matching at {@code now}: the unexpired ones (R-ROUTE-5). */
    List<Route> activeAt(Instant now) {
        return routes.stream().filter(route -> !route.isExpiredAt(now)).toList();
    }
}
