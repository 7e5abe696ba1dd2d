package io.parley.catalog.ddl;

import io.parley.catalog.StoreKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What a statement's effect depends on besides the catalog: the time it runs, from which a route's
 * LIFETIME becomes an absolute expiry, and the kind of store it runs against, which decides
 * whether ENDPOINT statements are allowed.
 */
public record ExecutionContext(Instant now, StoreKind store) {

    public ExecutionContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(store, "store");
    }

    /** Running at {@code now} against the node's own store. */
    public static ExecutionContext nodeStore(Instant now) {
        return new ExecutionContext(now, StoreKind.NODE);
    }

    /** Running at {@code now} against a broker's store. */
    public static ExecutionContext brokerStore(Instant now) {
        return new ExecutionContext(now, StoreKind.BROKER);
    }
}
