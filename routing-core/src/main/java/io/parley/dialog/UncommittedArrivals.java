package io.parley.dialog;

import io.parley.store.Transaction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queue rows that transactions of this process have inserted but not yet committed or rolled
 * back. Receivers read a group's rows past other transactions' locks and leave these out, as
 * Service Broker's RECEIVE reads past uncommitted rows: without it a RECEIVE would wait on the row
 * lock of a sender that has not committed yet — for as long as a prepared XA branch stays in doubt.
 * Every insert into a queue happens in a transaction of this process (the store is embedded), so
 * the set is complete while the process lives.
 */
final class UncommittedArrivals {
    private record Row(ConversationHandle handle, long sequence, String messageType) {
    }

    private final Map<Row, Integer> rows = new ConcurrentHashMap<>();

    /** Records a row {@code tx} is about to insert, until {@code tx} ends either way. */
    void add(Transaction tx, ConversationHandle handle, long sequence, String messageType) {
        Row row = new Row(handle, sequence, messageType);
        rows.merge(row, 1, Integer::sum);
        tx.onCompletion(committed -> rows.computeIfPresent(row, (r, count) -> count == 1 ? null : count - 1));
    }

    /** Whether a row like this one may still be uncommitted; if so a receiver leaves it for later. */
    boolean contains(ConversationHandle handle, long sequence, String messageType) {
        return !rows.isEmpty() && rows.containsKey(new Row(handle, sequence, messageType));
    }
}
