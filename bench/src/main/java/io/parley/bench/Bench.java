package io.parley.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link RunPlan}. Every system is started in its own directory on the same disk, then the
 * systems take turns: for each case, each warms up, and each timed run of one system is followed by
 * the same run of the next, so a slow spell of a shared disk falls on all of them rather than on
 * whichever happened to be running. Only one system works at any moment; the others sit idle. Then
 * every system is closed and its files deleted, and the scale cases run last, on fresh instances
 * (see {@link ScaleRuns}).
 */
final class Bench {
    private final RunPlan plan;
    private final Progress progress;

    Bench(RunPlan plan, Progress progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /** Measures every contender that has a launcher; the others are left out of the report. */
    BenchReport run(Map<Contender, SystemLauncher> launchers) throws Exception {
        try (ScratchDirectory scratch = ScratchDirectory.under(plan.directory())) {
            String machine = Machine.describe(scratch.path());
            progress.say(machine);
            Map<Contender, MessagingSystem> systems = new EnumMap<>(Contender.class);
            Map<Contender, String> descriptions = new EnumMap<>(Contender.class);
            Map<Contender, Set<ScaleCase>> capable = new EnumMap<>(Contender.class);
            Map<Contender, Map<Scenario, CaseResult>> results;
            try {
                for (Contender contender : Contender.values()) {
                    SystemLauncher launcher = launchers.get(contender);
                    if (launcher != null) {
                        progress.say("starting " + contender.title());
                        Path directory = scratch.subdirectory(contender.name().toLowerCase(Locale.ROOT));
                        systems.put(contender, launcher.start(directory));
                        progress.say(contender.title() + ": " + systems.get(contender).description());
                    }
                }
                systems.forEach((contender, system) -> {
                    descriptions.put(contender, system.description());
                    capable.put(contender, EnumSet.noneOf(ScaleCase.class));
                    for (ScaleCase scaleCase : ScaleCase.values()) {
                        if (scaleCase.runsOn(system)) {
                            capable.get(contender).add(scaleCase);
                        }
                    }
                });
                results = measureAll(systems);
            } finally {
                closeAll(systems);
            }
            ScaleRuns scale = new ScaleRuns(plan, progress, scratch);
            scale.run(launchers, capable);
            return new BenchReport(Instant.now(), plan, machine, descriptions, results, scale.openDialogs(),
                    scale.deepQueues());
        }
    }

    private Map<Contender, Map<Scenario, CaseResult>> measureAll(Map<Contender, MessagingSystem> systems)
            throws Exception {
        Map<Contender, Map<Scenario, CaseResult>> results = new EnumMap<>(Contender.class);
        systems.keySet().forEach(contender -> results.put(contender, new EnumMap<>(Scenario.class)));
        for (Scenario scenario : Scenario.values()) {
            if (!plan.scenarios().contains(scenario)) {
                continue;
            }
            Map<Contender, MessagingSystem> taking = new EnumMap<>(Contender.class);
            systems.forEach((contender, system) -> {
                if (system.supports(scenario)) {
                    taking.put(contender, system);
                }
            });
            for (Map.Entry<Contender, List<Measurement>> runs : measure(scenario, taking).entrySet()) {
                results.get(runs.getKey()).put(scenario, new CaseResult(scenario, runs.getValue()));
            }
        }
        return results;
    }

    private Map<Contender, List<Measurement>> measure(Scenario scenario, Map<Contender, MessagingSystem> systems)
            throws Exception {
        Map<Contender, List<Measurement>> runs = new EnumMap<>(Contender.class);
        for (Map.Entry<Contender, MessagingSystem> system : systems.entrySet()) {
            if (plan.warmUpMessages() > 0) {
                measureOnce(scenario, system, plan.warmUpMessages(), "warm-up");
            }
            runs.put(system.getKey(), new ArrayList<>());
        }
        for (int run = 1; run <= plan.runs(); run++) {
            for (Map.Entry<Contender, MessagingSystem> system : systems.entrySet()) {
                // Collect the previous run's garbage now rather than in the middle of this one.
                System.gc();
                runs.get(system.getKey()).add(
                        measureOnce(scenario, system, plan.messages(), "run " + run + " of " + plan.runs()));
            }
        }
        return runs;
    }

    private Measurement measureOnce(Scenario scenario, Map.Entry<Contender, MessagingSystem> system, int messages,
            String which) throws Exception {
        Progress.Tracker tracker = progress.track(system.getKey().title() + " " + scenario.name() + " " + which, messages);
        Measurement measurement = scenario.measure(system.getValue(), messages, tracker);
        tracker.finished(measurement);
        return measurement;
    }

    private void closeAll(Map<Contender, MessagingSystem> systems) {
        RuntimeException failure = null;
        for (MessagingSystem system : systems.values()) {
            try {
                system.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
