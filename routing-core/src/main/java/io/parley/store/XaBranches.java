package io.parley.store;

import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.Xid;

/**
 * The global transaction branches of one store that are still open in this process, each with the
 * engine transactions doing its work (one per XA connection that joined it). The registry is the
 * store's, not a connection's, because a transaction manager may finish a branch through any
 * XAResource of the same resource manager — typically another connection's after the first was
 * closed or returned to a pool — and the engine's in-memory state (group locks, waiting receivers)
 * must follow the outcome wherever it is decided.
 */
final class XaBranches {
    private final Map<BranchId, List<Part>> open = new ConcurrentHashMap<>();

    /** The engine transaction doing a branch's work on one connection. */
    private record Part(Connection connection, Transaction transaction) {
    }

    /** A transaction manager's Xid as a value, since Xid implementations need not define equals. */
    record BranchId(int formatId, byte[] globalId, byte[] branchQualifier) {
        static BranchId of(Xid xid) {
            return new BranchId(xid.getFormatId(), xid.getGlobalTransactionId().clone(), xid.getBranchQualifier().clone());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BranchId other && formatId == other.formatId
                    && Arrays.equals(globalId, other.globalId) && Arrays.equals(branchQualifier, other.branchQualifier);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * formatId + Arrays.hashCode(globalId)) + Arrays.hashCode(branchQualifier);
        }

        @Override
        public String toString() {
            return "xid(" + formatId + ", " + hex(globalId) + ", " + hex(branchQualifier) + ")";
        }

        private static String hex(byte[] bytes) {
            StringBuilder s = new StringBuilder(bytes.length * 2);
            for (byte b : bytes) {
                s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return s.toString();
        }
    }

    void add(BranchId branch, Connection connection, Transaction transaction) {
        open.computeIfAbsent(branch, b -> new CopyOnWriteArrayList<>()).add(new Part(connection, transaction));
    }

    /** The engine transaction of {@code branch} on {@code connection}, or null if the connection has not joined it. */
    Transaction part(BranchId branch, Connection connection) {
        List<Part> parts = open.get(branch);
        if (parts != null) {
            for (Part part : parts) {
                if (part.connection() == connection) {
                    return part.transaction();
                }
            }
        }
        return null;
    }

    /** Runs the completion of every engine transaction of {@code branch} and forgets the branch. */
    void complete(BranchId branch, boolean committed) {
        List<Part> parts = open.remove(branch);
        if (parts == null) {
            return;
        }
        RuntimeException failure = null;
        for (Part part : parts) {
            try {
                part.transaction().completed(committed);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Forgets a branch whose outcome is not for this process to act on (a heuristic the TM will forget). */
    void forget(BranchId branch) {
        open.remove(branch);
    }
}
