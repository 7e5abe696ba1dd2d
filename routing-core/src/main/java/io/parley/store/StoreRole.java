package io.parley.store;

/**
 * What a store is for. A {@code BROKER} store is one broker's database; the {@code NODE} store is the
 * node's own database, Parley's msdb: it holds the node-level routes (R-ROUTE-9) and the broker
 * endpoint settings, and is a broker in its own right.
 */
public enum StoreRole {
    BROKER,
    NODE
}
