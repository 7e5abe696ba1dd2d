package io.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap the live objects take: heap used, read just after a full collection. Under the JVM's
 * defaults, which the bench runs with, {@code System.gc()} is a full stop-the-world collection. It is
 * asked for a few times and the lowest reading kept, because a system's background threads (Derby's,
 * Artemis's, Parley's deadline watcher) allocate between a collection and the reading, and pending
 * finalizers are run in between: Derby's statements have finalizers, so a collection only queues the
 * unreachable ones and the next one frees them, and without this they made readings jump by 10 MiB.
 */
final class HeapGauge {
    private static final int COLLECTIONS = 3;

    private HeapGauge() {
    }

    static long usedAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            memory.gc();
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
            System.runFinalization();
        }
        return lowest;
    }
}
