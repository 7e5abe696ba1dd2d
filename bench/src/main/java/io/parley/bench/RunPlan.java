package io.parley.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one bench run does: which cases, how many messages each timed run measures, how many warm-up
 * messages precede the timed runs, how many timed runs the median is taken over, how many dialogs S1
 * opens and how many messages S2 queues, and under which directory the systems keep their files (a
 * fresh subdirectory is created there and deleted after).
 */
public record RunPlan(Set<Scenario> scenarios, Set<ScaleCase> scaleCases, int messages, int warmUpMessages, int runs,
        int dialogs, int queued, Path directory) {

    /** Counts for a real measurement: a few minutes on a two-core machine with a virtual disk. */
    public static final int DEFAULT_MESSAGES = 5_000;
    public static final int DEFAULT_RUNS = 5;
    /** The scale: 100,000 open dialogs and 1,000,000 queued messages. */
    public static final int DEFAULT_DIALOGS = 100_000;
    public static final int DEFAULT_QUEUED = 1_000_000;

    /** Counts that only prove the harness works: seconds in total. */
    public static final int QUICK_MESSAGES = 200;
    public static final int QUICK_RUNS = 1;
    public static final int QUICK_DIALOGS = 1_000;
    public static final int QUICK_QUEUED = 2_000;

    /** P1 sends S1 times with every dialog open, and sends and receives S2 times at depth, unless --messages is lower. */
    static final int SENDS_WITH_DIALOGS_OPEN = 1_000;
    static final int PROBES_AT_DEPTH = 2_000;

    public RunPlan {
        if (scenarios.isEmpty() && scaleCases.isEmpty()) {
            throw new IllegalArgumentException("--cases must name at least one of " + Cases.NAMES);
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
        if (dialogs < 4) {
            throw new IllegalArgumentException("--dialogs must be at least 4, one per heap reading, was " + dialogs);
        }
        if (queued < 1) {
            throw new IllegalArgumentException("--queued must be at least 1, was " + queued);
        }
        scenarios = scenarios.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scenarios));
        scaleCases = scaleCases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scaleCases));
    }

    /** Every case with the quick counts, under {@code directory}. */
    public static RunPlan quick(Path directory) {
        return new RunPlan(EnumSet.allOf(Scenario.class), EnumSet.allOf(ScaleCase.class), QUICK_MESSAGES,
                warmUpFor(QUICK_MESSAGES), QUICK_RUNS, QUICK_DIALOGS, QUICK_QUEUED, directory);
    }

    /** The warm-up used when none is given: a tenth of a run, enough for the JIT to settle. */
    public static int warmUpFor(int messages) {
        return Math.max(messages / 10, 1);
    }

    /** How many P1 sends S1 times with every dialog open. */
    public int sendsWithDialogsOpen() {
        return Math.min(SENDS_WITH_DIALOGS_OPEN, messages);
    }

    /** How many P1 sends, and then receives, S2 times with the queue full. */
    public int probesAtDepth() {
        return Math.min(PROBES_AT_DEPTH, messages);
    }
}
