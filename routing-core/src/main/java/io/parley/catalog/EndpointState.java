package io.parley.catalog;

/**
 * The state of a node's broker endpoint (R-PROTO-1): STARTED listens and exchanges messages,
 * STOPPED does not listen, DISABLED listens but refuses every connection.
 */
public enum EndpointState {
    STARTED,
    STOPPED,
    DISABLED
}
