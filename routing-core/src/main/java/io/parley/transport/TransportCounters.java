package io.parley.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a {@link Transport} has seen since it started: links established, and connections ended
 * by {@link CloseCause} (a connection that never opened counts as {@link CloseCause#CONNECT_FAILED}).
 * Each connection is counted once, under the first cause that ended it. Safe to read from any
 * thread; for tests and, later, a management view.
 */
public final class TransportCounters {
    private final AtomicLong established = new AtomicLong();
    private final AtomicLongArray ended = new AtomicLongArray(CloseCause.values().length);

    /** Handshakes completed, both directions. */
    public long established() {
        return established.get();
    }

    /** Connections that ended with {@code cause}. */
    public long ended(CloseCause cause) {
        return ended.get(cause.ordinal());
    }

    /** Connections ended, all causes together. */
    public long endedInAll() {
        long sum = 0;
        for (int i = 0; i < ended.length(); i++) {
            sum += ended.get(i);
        }
        return sum;
    }

    /** The causes seen so far with their counts. */
    public Map<CloseCause, Long> endedByCause() {
        Map<CloseCause, Long> counts = new EnumMap<>(CloseCause.class);
        for (CloseCause cause : CloseCause.values()) {
            long n = ended(cause);
            if (n > 0) {
                counts.put(cause, n);
            }
        }
        return counts;
    }

    void countEstablished() {
        established.incrementAndGet();
    }

    void countEnded(CloseCause cause) {
        ended.incrementAndGet(cause.ordinal());
    }

    @Override
    public String toString() {
        return "established " + established() + ", ended " + endedByCause();
    }
}
