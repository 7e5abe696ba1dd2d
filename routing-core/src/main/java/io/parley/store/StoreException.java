package io.parley.store;

/**
 * A store that cannot be opened or used, with the reason an operator can act on. {@link #kind()}
 * lets callers tell the cases apart without parsing the message.
 */
public class StoreException extends RuntimeException {

    /** The distinct reasons a store operation fails. */
    public enum Kind {
        /** Another process has the store open (embedded databases allow one process at a time). */
        IN_USE,
        /** The store directory cannot be created or written. */
        NOT_WRITABLE,
        /** The store was written by a newer Parley with a schema this version does not know. */
        NEWER_SCHEMA,
        /** The store exists but is not what the caller expected (wrong role, missing identity). */
        INVALID,
        /**
         * The transaction lost a lock conflict (chosen as a deadlock victim, or it waited too long
         * for a lock). Roll it back, so nothing of it is stored, and run it again.
         */
        CONFLICT,
        /** Any other database failure; the cause holds the driver's exception. */
        DATABASE
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
