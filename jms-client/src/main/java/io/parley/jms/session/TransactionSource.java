package io.parley.jms.session;

import io.parley.store.Transaction;

/**
 * Where a session gets its engine transactions. A local session begins them on the broker's store; an XA session
 * will hand out the transaction of its current branch instead, so sessions do not care which.
 */
@FunctionalInterface
public interface TransactionSource {

    /** A new engine transaction, which the session commits or rolls back. */
    Transaction begin();
}
