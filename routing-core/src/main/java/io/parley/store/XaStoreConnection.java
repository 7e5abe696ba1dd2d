package io.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * One XA connection to a store, for a transaction manager to coordinate. Its {@link #xaResource()}
 * is the database's own XAResource (Derby XA: two-phase and one-phase commit, recovery of prepared
 * branches after a crash), watched so that each global transaction branch started on it is an
 * engine {@link Transaction} on this connection: SEND, RECEIVE and END done in the branch commit or
 * roll back with it, and the engine's in-memory state (group locks, woken receivers, delivery
 * counts) follows the outcome the transaction manager decides, on whichever XAResource of the store
 * it decides it. A branch prepared when the process dies is recovered by the database; the engine
 * state it held in memory died with the process and needs no recovery.
 */
public final class XaStoreConnection implements AutoCloseable {
    private final Store store;
    private final XAConnection xa;
    private final Connection connection;
    private final XAResource database;
    private final WatchedResource resource = new WatchedResource();
    private volatile XaBranches.BranchId associated;
    private volatile Transaction associatedTransaction;

    private XaStoreConnection(Store store, XAConnection xa, Connection connection, XAResource database) {
        this.store = store;
        this.xa = xa;
        this.connection = connection;
        this.database = database;
    }

    static XaStoreConnection open(Store store, XAConnection xa) throws SQLException {
        try {
            return new XaStoreConnection(store, xa, xa.getConnection(), xa.getXAResource());
        } catch (SQLException e) {
            xa.close();
            throw e;
        }
    }

    /** The XAResource to enlist in a global transaction. */
    public XAResource xaResource() {
        return resource;
    }

    /** Whether a global transaction branch is associated with this connection now. */
    public boolean inBranch() {
        return associatedTransaction != null;
    }

    /**
     * The engine transaction of the branch associated with this connection now, for the engine's
     * statements; its outcome is the transaction manager's, never commit or roll it back directly.
     *
     * @throws IllegalStateException when no branch is associated (no {@code start} yet, or after {@code end})
     */
    public Transaction transaction() {
        Transaction tx = associatedTransaction;
        if (tx == null) {
            throw new IllegalStateException("no global transaction is associated with this XA connection to "
                    + store.config() + "; the transaction manager must enlist its XAResource first");
        }
        return tx;
    }

    /**
     * Closes the connection. A branch prepared on it stays in doubt in the database until the
     * transaction manager commits or rolls it back through another XAResource of the store.
     */
    @Override
    public void close() {
        try {
            xa.close();
        } catch (SQLException e) {
            throw store.config().dialect().translate(e, store.config(), "close an XA connection to");
        }
    }

    /** The database's XAResource, with every outcome passed on to the engine transactions of the branch. */
    private final class WatchedResource implements XAResource {
        @Override
        public void start(Xid xid, int flags) throws XAException {
            database.start(xid, flags);
            XaBranches.BranchId branch = XaBranches.BranchId.of(xid);
            Transaction tx = store.xaBranches().part(branch, connection);
            if (tx == null) {
                tx = Transaction.onSharedConnection(connection, store);
                store.xaBranches().add(branch, connection, tx);
            }
            associated = branch;
            associatedTransaction = tx;
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            try {
                database.end(xid, flags);
            } finally {
                if (XaBranches.BranchId.of(xid).equals(associated)) {
                    associated = null;
                    associatedTransaction = null;
                }
            }
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            int vote;
            try {
                vote = database.prepare(xid);
            } catch (XAException e) {
                if (isRollback(e.errorCode)) {
                    completeQuietly(xid, false);
                }
                throw e;
            }
            if (vote == XA_RDONLY) {
                completeQuietly(xid, true);
            }
            return vote;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            try {
                database.commit(xid, onePhase);
            } catch (XAException e) {
                if (isRollback(e.errorCode) || e.errorCode == XAException.XA_HEURRB) {
                    completeQuietly(xid, false);
                } else if (e.errorCode == XAException.XA_HEURCOM) {
                    completeQuietly(xid, true);
                }
                throw e;
            }
            completeQuietly(xid, true);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            try {
                database.rollback(xid);
            } catch (XAException e) {
                if (e.errorCode == XAException.XAER_NOTA || isRollback(e.errorCode) || e.errorCode == XAException.XA_HEURRB) {
                    completeQuietly(xid, false);
                }
                throw e;
            }
            completeQuietly(xid, false);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            database.forget(xid);
            store.xaBranches().forget(XaBranches.BranchId.of(xid));
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return database.recover(flag);
        }

        @Override
        public boolean isSameRM(XAResource other) throws XAException {
            return other instanceof WatchedResource watched && database.isSameRM(watched.database());
        }

        private XAResource database() {
            return database;
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return database.getTransactionTimeout();
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return database.setTransactionTimeout(seconds);
        }

        /**
         * Completes the engine side of a branch the database has already decided. A failure there is
         * logged, not thrown: the transaction manager must see the database's outcome, which stands.
         */
        private void completeQuietly(Xid xid, boolean committed) {
            try {
                store.xaBranches().complete(XaBranches.BranchId.of(xid), committed);
            } catch (RuntimeException e) {
                System.getLogger(XaStoreConnection.class.getName()).log(System.Logger.Level.WARNING,
                        "engine completion of " + XaBranches.BranchId.of(xid) + " on " + store.config() + " failed", e);
            }
        }

        private static boolean isRollback(int errorCode) {
            return errorCode >= XAException.XA_RBBASE && errorCode <= XAException.XA_RBEND;
        }
    }
}
