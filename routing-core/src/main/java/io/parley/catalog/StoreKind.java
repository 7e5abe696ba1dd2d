package io.parley.catalog;

/**
 * What a store is for. A {@code BROKER} store is one broker's database. The {@code NODE} store is the
 * node's own store, Parley's msdb: a broker in its own right that also holds the node-level routes
 * (R-ROUTE-9) and the broker endpoint, and the only store where ENDPOINT statements are allowed.
 */
public enum StoreKind {
    NODE,
    BROKER
}
