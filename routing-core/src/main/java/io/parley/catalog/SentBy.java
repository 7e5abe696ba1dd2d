package io.parley.catalog;

/** Which side of a dialog may send a message type under a contract (R-OBJ-12). */
public enum SentBy {
    INITIATOR,
    TARGET,
    ANY;

    /** True when a side in the given role may send a message type tagged with this value. */
    public boolean allows(boolean initiator) {
        return this == ANY || (initiator ? this == INITIATOR : this == TARGET);
    }
}
