package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import io.parley.catalog.Route;
import io.parley.catalog.ddl.RouteStatement.Clauses;
import java.time.Instant;

/**
 * Applies ROUTE statements. LIFETIME becomes an absolute expiry counted from the time the statement
 * runs (R-ROUTE-5); the shape rules of R-ROUTE-4 are checked by {@link Route} itself, on the route
 * as it stands after the statement, so ALTER ROUTE cannot leave a route in a shape CREATE refuses.
 */
final class RouteExecutor {
    private static final String KIND = "route";

    private RouteExecutor() {
    }

    static Catalog apply(Catalog catalog, RouteStatement statement, Instant now) {
        String name = statement.name();
        if (statement instanceof RouteStatement.Create create) {
            if (catalog.route(name).isPresent()) {
                throw Failures.duplicate(statement, KIND, 0);
            }
            Clauses clauses = create.clauses();
            return catalog.withRoute(new Route(
                    name,
                    clauses.serviceName().orElse(null),
                    clauses.brokerInstance().orElse(null),
                    clauses.address().orElseThrow(),
                    clauses.mirrorAddress().orElse(null),
                    clauses.lifetime().map(now::plus).orElse(null)));
        }
        Route route = catalog.route(name).orElseThrow(() -> Failures.unknown(statement, KIND));
        if (statement instanceof RouteStatement.Alter alter) {
            Clauses clauses = alter.clauses();
            return catalog.withRoute(new Route(
                    name,
                    clauses.serviceName().orElse(route.serviceName()),
                    clauses.brokerInstance().orElse(route.brokerInstance()),
                    clauses.address().orElse(route.address()),
                    clauses.mirrorAddress().orElse(route.mirrorAddress()),
                    clauses.lifetime().map(now::plus).orElse(route.expiresAt())));
        }
        return catalog.withoutRoute(name);
    }
}
