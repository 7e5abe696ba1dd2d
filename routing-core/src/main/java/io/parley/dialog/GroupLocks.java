package io.parley.dialog;

import io.parley.store.Transaction;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Conversation group locks (§2.9): a group belongs to at most one transaction at a time, until that
 * transaction commits or rolls back (R-CONV-36). They live in memory because an embedded store has
 * exactly one process writing it, this one. RECEIVE uses {@link #tryLock} to pass over groups that
 * other transactions hold (R-CONV-26); the other statements wait with {@link #lock}.
 */
final class GroupLocks {
    private final Map<ConversationGroupId, Transaction> owners = new HashMap<>();

    /** Takes the group for {@code tx} if it is free or already {@code tx}'s; never waits. */
    synchronized boolean tryLock(ConversationGroupId group, Transaction tx) {
        Transaction owner = owners.get(group);
        if (owner == tx) {
            return true;
        }
        if (owner != null) {
            return false;
        }
        owners.put(group, tx);
        tx.onCompletion(committed -> release(group, tx));
        return true;
    }

    /**
     * Takes the group for {@code tx}, waiting up to {@code timeout} for its owner to finish.
     *
     * @throws DialogException 1222 (lock request time out) when the group stays taken
     */
    synchronized void lock(ConversationGroupId group, Transaction tx, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!tryLock(group, tx)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DialogException(1222, "conversation group " + group + " is locked by another transaction"
                        + " for longer than " + timeout.toMillis() + " ms");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DialogException(1222, "interrupted while waiting for conversation group " + group);
            }
        }
    }

    synchronized boolean isLockedByOther(ConversationGroupId group, Transaction tx) {
        Transaction owner = owners.get(group);
        return owner != null && owner != tx;
    }

    private synchronized void release(ConversationGroupId group, Transaction tx) {
        if (owners.get(group) == tx) {
            owners.remove(group);
            notifyAll();
        }
    }
}
