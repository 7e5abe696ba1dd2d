package io.parley.catalog.ddl;

import io.parley.catalog.StoreKind;
import io.parley.catalog.BrokerEndpoint;
import io.parley.catalog.Catalog;
import io.parley.catalog.EndpointState;
import io.parley.catalog.ddl.EndpointStatement.Listener;
import io.parley.catalog.ddl.EndpointStatement.Settings;
import java.util.Optional;

/**
 * Applies ENDPOINT statements to a node's own store, which holds at most one broker endpoint
 * (R-PROTO-1). A new endpoint is STOPPED unless STATE says otherwise, as in SQL Server, and does
 * not forward (R-FWD-2).
 */
final class EndpointExecutor {
    private static final String KIND = "endpoint";

    private EndpointExecutor() {
    }

    static Catalog apply(Catalog catalog, EndpointStatement statement, ExecutionContext context) {
        String name = statement.name();
        if (context.store() != StoreKind.NODE) {
            throw DdlException.rejected(statement, 0, "endpoint '" + name + "': ENDPOINT statements apply only to a"
                    + " node's own store (Parley's msdb), and this script runs against a broker's store", name);
        }
        Optional<BrokerEndpoint> existing = catalog.endpoint();
        if (statement instanceof EndpointStatement.Create create) {
            if (existing.isPresent()) {
                throw alreadyHasOne(statement, existing.get());
            }
            return catalog.withEndpoint(created(name, create.settings()));
        }
        BrokerEndpoint endpoint = existing.filter(e -> e.name().equals(name))
                .orElseThrow(() -> Failures.unknown(statement, KIND));
        if (statement instanceof EndpointStatement.Alter alter) {
            return catalog.withEndpoint(altered(endpoint, alter.settings()));
        }
        return catalog.withoutEndpoint();
    }

    private static DdlException alreadyHasOne(EndpointStatement statement, BrokerEndpoint existing) {
        if (existing.name().equals(statement.name())) {
            return Failures.duplicate(statement, KIND, 0);
        }
        return DdlException.rejected(statement, 0, "endpoint '" + statement.name() + "' cannot be created: this node"
                + " already has endpoint '" + existing.name() + "', and a node has at most one (R-PROTO-1)",
                statement.name(), existing.name());
    }

    private static BrokerEndpoint created(String name, Settings settings) {
        Listener listener = settings.listener().orElseThrow();
        return new BrokerEndpoint(
                name,
                settings.state().orElse(EndpointState.STOPPED),
                listener.port(),
                listener.ip().orElse(null),
                settings.messageForwarding().orElse(false),
                settings.messageForwardSizeMb().orElse(BrokerEndpoint.DEFAULT_FORWARD_SIZE_MB));
    }

    private static BrokerEndpoint altered(BrokerEndpoint endpoint, Settings settings) {
        int port = endpoint.listenerPort();
        String ip = endpoint.listenerIp();
        if (settings.listener().isPresent()) {
            Listener listener = settings.listener().get();
            port = listener.port();
            ip = listener.ip().orElse(null);
        }
        return new BrokerEndpoint(
                endpoint.name(),
                settings.state().orElse(endpoint.state()),
                port,
                ip,
                settings.messageForwarding().orElse(endpoint.messageForwarding()),
                settings.messageForwardSizeMb().orElse(endpoint.messageForwardSizeMb()));
    }
}
