package io.parley.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one bench run does: which cases, how many messages each timed run measures, how many warm-up
 * messages precede the timed runs, how many timed runs the median is taken over, and under which
 * directory the systems keep their files (a fresh subdirectory is created there and deleted after).
 */
public record RunPlan(Set<Scenario> scenarios, int messages, int warmUpMessages, int runs, Path directory) {

    /** Counts for a real measurement: a few minutes on a two-core machine with a virtual disk. */
    public static final int DEFAULT_MESSAGES = 5_000;
    public static final int DEFAULT_RUNS = 5;

    /** Counts that only prove the harness works: seconds in total. */
    public static final int QUICK_MESSAGES = 200;
    public static final int QUICK_RUNS = 1;

    public RunPlan {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("--cases must name at least one of P1, P2, P3, P4");
        }
        if (messages < 1) {
            throw new IllegalArgumentException("--messages must be at least 1, was " + messages);
        }
        if (warmUpMessages < 0) {
            throw new IllegalArgumentException("--warm-up must be 0 or more, was " + warmUpMessages);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        }
        scenarios = Set.copyOf(EnumSet.copyOf(scenarios));
    }

    /** Every case with the quick counts, under {@code directory}. */
    public static RunPlan quick(Path directory) {
        return new RunPlan(EnumSet.allOf(Scenario.class), QUICK_MESSAGES, warmUpFor(QUICK_MESSAGES), QUICK_RUNS,
                directory);
    }

    /** The warm-up used when none is given: a tenth of a run, enough for the JIT to settle. */
    public static int warmUpFor(int messages) {
        return Math.max(messages / 10, 1);
    }
}
