package io.parley.jms.session;

import io.parley.dialog.ConversationGroupId;
import io.parley.store.Transaction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The conversation groups the provider's sessions are receiving from, per broker: a session claims a group before
 * RECEIVE … WHERE conversation_handle and keeps it until its transaction ends, as the engine's group lock lasts. The
 * engine's lock is what guarantees one transaction per group; the claims only let a session pass over a group
 * another session holds instead of waiting for the engine's lock, which RECEIVE with a WHERE clause would do.
 */
final class GroupClaims {
    private final Map<ConversationGroupId, Transaction> owners = new HashMap<>();
    private final Set<ConversationGroupId> passedOver = new HashSet<>();

    /**
     * Claims {@code group} for {@code tx} unless another transaction has it; the claim ends with {@code tx}, and then
     * {@code released} runs if some reader passed the group over meanwhile (to wake it).
     */
    synchronized boolean tryClaim(ConversationGroupId group, Transaction tx, Runnable released) {
        Transaction owner = owners.get(group);
        if (owner == tx) {
            return true;
        }
        if (owner != null) {
            return false;
        }
        owners.put(group, tx);
        tx.onCompletion(committed -> {
            if (release(group, tx)) {
                released.run();
            }
        });
        return true;
    }

    /** Whether a transaction other than {@code tx} has claimed {@code group}; if so, the caller passes it over. */
    synchronized boolean isClaimedByOther(ConversationGroupId group, Transaction tx) {
        Transaction owner = owners.get(group);
        boolean other = owner != null && owner != tx;
        if (other) {
            passedOver.add(group);
        }
        return other;
    }

    /** Ends the claim; true when a reader passed the group over while it was claimed. */
    private synchronized boolean release(ConversationGroupId group, Transaction tx) {
        owners.remove(group, tx);
        return passedOver.remove(group);
    }
}
