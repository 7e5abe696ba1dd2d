package io.parley.dialog;

/**
 * What became of one sequenced message at the broker it was delivered to. The first three are
 * acknowledged, so the sender deletes its copy (R-PROTO-13); {@link Refused} is not, so the sender
 * keeps it and tries again later; {@link Rejected} will never be accepted, so the sender's dialog is
 * errored instead.
 */
public sealed interface Arrival permits Arrival.Accepted, Arrival.Duplicate, Arrival.Discarded, Arrival.Refused,
        Arrival.Rejected {

    /** True when the sender may delete its copy. */
    default boolean acknowledged() {
        return this instanceof Accepted || this instanceof Duplicate || this instanceof Discarded;
    }

    /** Stored in the target queue. */
    record Accepted() implements Arrival {
    }

    /** Accepted before; dropped now and acknowledged again (R-PROTO-7). */
    record Duplicate() implements Arrival {
    }

    /** The receiving endpoint has ended or expired; dropped silently (R-CONV-10, R-CONV-12, R-CONV-17). */
    record Discarded() implements Arrival {
    }

    /** Not now: the sender keeps it, showing {@code status} as its transmission status (R-OBJ-19). */
    record Refused(String status) implements Arrival {
    }

    /** Never: the sender's dialog gets an Error with this broker error (R-OBJ-16, R-OBJ-26). */
    record Rejected(BrokerError error, String description) implements Arrival {
    }
}
