package io.parley.bench;

import java.util.List;

/**
 * Every timed run of one case on one system. The table shows the median run by the case's
 * {@link Figure}, which damps one unlucky run without hiding a consistent difference; the counts
 * cover all runs, so a message lost in any of them shows.
 */
public record CaseResult(Scenario scenario, List<Measurement> runs) {

    public CaseResult {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a case result needs at least one run");
        }
        runs = List.copyOf(runs);
    }

    /** The run in the middle when ordered by the case's figure. */
    public Measurement median() {
        return runs.stream().sorted(scenario.figure().order()).toList().get(runs.size() / 2);
    }

    /** Messages sent in all runs. */
    public long sent() {
        return runs.stream().mapToLong(Measurement::sent).sum();
    }

    /** Messages received in all runs, counting those drained after the clock stopped. */
    public long received() {
        return runs.stream().mapToLong(Measurement::received).sum();
    }
}
