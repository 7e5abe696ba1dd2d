package io.parley.catalog.ddl;

import io.parley.catalog.RouteAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * CREATE, ALTER and DROP ROUTE (R-ROUTE-1). The clauses are parsed into their values (a GUID, an
 * address, a lifetime) so that a malformed value fails at its own position; whether the
 * resulting route has a legal shape (R-ROUTE-4) is decided when it is built against the catalog.
 */
public sealed interface RouteStatement extends DdlStatement {

    /** {@code CREATE ROUTE name [AUTHORIZATION owner] WITH clause, …}; ADDRESS is always present. */
    record Create(SourcePosition position, String name, Clauses clauses) implements RouteStatement {
        public Create {
            if (clauses.address().isEmpty()) {
                throw new IllegalArgumentException("CREATE ROUTE " + name + " needs an ADDRESS");
            }
        }
    }

    /** {@code ALTER ROUTE name WITH clause, …}; clauses left out keep their current values. */
    record Alter(SourcePosition position, String name, Clauses clauses) implements RouteStatement {
    }

    /** {@code DROP ROUTE name}. */
    record Drop(SourcePosition position, String name) implements RouteStatement {
    }

    /**
     * The WITH clauses as written. {@code lifetime} counts from when the statement runs;
     * a mirror address is always a TCP address (error 9743 otherwise).
     */
    record Clauses(
            Optional<String> serviceName,
            Optional<UUID> brokerInstance,
            Optional<Duration> lifetime,
            Optional<RouteAddress> address,
            Optional<RouteAddress.Tcp> mirrorAddress) {
    }
}
