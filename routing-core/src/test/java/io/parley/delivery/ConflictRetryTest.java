package io.parley.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aConflictThatGoesAwayIsRunAgainUntilItSucceeds() {
        String result = ConflictRetry.run(() -> {
            if (runs.incrementAndGet() < 3) {
                throw new StoreException(StoreException.Kind.CONFLICT, "deadlock victim");
            }
            return "stored";
        });
        assertThat(result).isEqualTo("stored");
        assertThat(runs).hasValue(3);
    }

    @Test
    void aConflictThatStaysIsReportedAfterFourRuns() {
        assertThatThrownBy(() -> ConflictRetry.run(() -> {
            runs.incrementAndGet();
            throw new StoreException(StoreException.Kind.CONFLICT, "lock wait timed out");
        })).isInstanceOf(StoreException.class).hasMessage("lock wait timed out");
        assertThat(runs).hasValue(4);
    }

    @Test
    void otherFailuresAreNotRunAgain() {
        assertThatThrownBy(() -> ConflictRetry.run(() -> {
            runs.incrementAndGet();
            throw new StoreException(StoreException.Kind.DATABASE, "disk full");
        })).hasMessage("disk full");
        assertThat(runs).hasValue(1);
    }
}
