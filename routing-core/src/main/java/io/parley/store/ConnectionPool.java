package io.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * The store's idle connections, kept for the next transaction because opening an embedded Derby
 * connection costs as much as a small SEND. Every connection handed out is in the state an engine
 * transaction expects (auto-commit off, read committed) and with no transaction in progress; one
 * that comes back from a transaction that failed to end cleanly is closed, never reused. There is
 * no upper bound on connections in use, since every one of them belongs to a caller's transaction
 * and waiting for a free one could deadlock two transactions of one thread; only the idle ones are
 * bounded.
 */
final class ConnectionPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());

    private final DataSource dataSource;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(DataSource dataSource, int maxIdle) {
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle must not be negative, was " + maxIdle);
        }
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
    }

    /** A connection ready for a transaction: auto-commit off, read committed. */
    Connection borrow() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new SQLException("the connection pool is closed");
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                return c;
            }
        }
        return openUnpooled();
    }

    /** A new connection that is not the pool's to keep: auto-commit off, read committed. */
    Connection openUnpooled() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Takes back a connection whose transaction has ended. {@code reusable} is false when its commit
     * or rollback failed, so its state is unknown and it is closed instead.
     */
    void release(Connection c, boolean reusable) {
        synchronized (this) {
            if (reusable && !closed && idle.size() < maxIdle) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    /** Closes the idle connections; connections still in use are closed when they come back. */
    @Override
    public void close() {
        Deque<Connection> closing;
        synchronized (this) {
            closed = true;
            closing = new ArrayDeque<>(idle);
            idle.clear();
        }
        closing.forEach(ConnectionPool::closeQuietly);
    }

    synchronized int idleCount() {
        return idle.size();
    }

    private static void closeQuietly(Connection c) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
            c.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a store connection failed", e);
        }
    }
}
