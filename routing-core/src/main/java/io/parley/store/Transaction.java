package io.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An engine transaction: one store connection with auto-commit off, on which every SEND, RECEIVE
 * and END of a unit of work runs, so nothing is visible to others before {@link #commit()} and
 * {@link #rollback()} undoes all of it. State the engine keeps outside the database for the
 * transaction (conversation group locks, waiting receivers to wake) hangs on completion callbacks,
 * which run after the database has committed or rolled back. A transaction coordinated from
 * elsewhere (an XA branch, an application's own connection) calls {@link #completed(boolean)} itself.
 */
public final class Transaction implements AutoCloseable {
    private final Connection connection;
    private final StoreConfig store;
    private final Store owner;
    private final List<Consumer<Boolean>> completionCallbacks = new ArrayList<>();
    private boolean completed;

    private boolean connectionReusable = true;

    private Transaction(Connection connection, StoreConfig store, Store owner) {
        this.connection = connection;
        this.store = store;
        this.owner = owner;
    }

    /** Begins a transaction on a connection borrowed from {@code store}, given back when it ends. */
    static Transaction begin(Store store) {
        try {
            return new Transaction(store.borrowConnection(), store.config(), store);
        } catch (SQLException e) {
            throw store.config().dialect().translate(e, store.config(), "begin a transaction on");
        }
    }

    /**
     * Works on a connection whose transaction someone else commits, such as an application's own
     * connection to the broker's database; that party must call {@link #completed(boolean)}.
     */
    public static Transaction onSharedConnection(Connection connection, Store store) {
        return new Transaction(connection, store.config(), null);
    }

    /** The connection the engine's SQL runs on; never commit or close it directly. */
    public Connection connection() {
        requireActive();
        return connection;
    }

    /** Runs {@code callback} with true after commit or false after rollback; callbacks run in order. */
    public void onCompletion(Consumer<Boolean> callback) {
        requireActive();
        completionCallbacks.add(callback);
    }

    public boolean isActive() {
        return !completed;
    }

    /** Commits the database transaction, then runs the completion callbacks. */
    public void commit() {
        requireActive();
        try {
            connection.commit();
        } catch (SQLException e) {
            connectionReusable = false;
            rollback();
            throw store.dialect().translate(e, store, "commit a transaction on");
        }
        completed(true);
    }

    /** Rolls the database transaction back, then runs the completion callbacks. */
    public void rollback() {
        if (completed) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            connectionReusable = false;
            throw store.dialect().translate(e, store, "roll back a transaction on");
        } finally {
            completed(false);
        }
    }

    /** Marks the transaction finished by whoever coordinates it, and runs the completion callbacks. */
    public void completed(boolean committed) {
        if (completed) {
            return;
        }
        completed = true;
        RuntimeException failure = null;
        for (Consumer<Boolean> callback : completionCallbacks) {
            try {
                callback.accept(committed);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (owner != null) {
            owner.release(connection, connectionReusable);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Rolls back unless committed; a try-with-resources block without commit undoes its work. */
    @Override
    public void close() {
        rollback();
    }

    private void requireActive() {
        if (completed) {
            throw new IllegalStateException("the transaction on " + store + " has already ended");
        }
    }
}
