package io.parley.delivery;

import io.parley.store.StoreException;
import java.util.function.Supplier;

/**
 * Runs the delivery's own store transactions again when the store reports a conflict (a deadlock
 * victim, a lock wait that timed out, Derby's race for identity values), as the error asks of
 * whoever runs the transaction. Giving up at once would cost an arriving message a whole retry
 * interval of its sender (seconds) for a race that is usually gone a few milliseconds later.
 */
final class ConflictRetry {
    private static final int ATTEMPTS = 4;
    private static final long FIRST_PAUSE_MILLIS = 5;

    private ConflictRetry() {
    }

    /** The result of {@code transaction}, run up to four times while it fails with a conflict. */
    static <T> T run(Supplier<T> transaction) {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.CONFLICT || attempt == ATTEMPTS || !pause(pause)) {
                    throw e;
                }
            }
            pause *= 4;
        }
    }

    /** False when interrupted: the caller is being stopped and should not try again. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
