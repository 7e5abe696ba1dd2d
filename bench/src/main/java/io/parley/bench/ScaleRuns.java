package io.parley.bench;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the plan's scale cases after P1 to P4, each on a fresh instance of every system that can run
 * it, started in a directory of its own on the same disk, closed and deleted right after, so a
 * million queued messages or a hundred thousand dialogs stay under no other figure and the disk is
 * freed before the next system fills it. The systems run one after the other; a full collection
 * between them keeps one system's garbage out of the next one's heap readings.
 */
final class ScaleRuns {
    private final RunPlan plan;
    private final Progress progress;
    private final ScratchDirectory scratch;
    private final Map<Contender, OpenDialogsResult> openDialogs = new EnumMap<>(Contender.class);
    private final Map<Contender, DeepQueueResult> deepQueues = new EnumMap<>(Contender.class);

    ScaleRuns(RunPlan plan, Progress progress, ScratchDirectory scratch) {
        this.plan = plan;
        this.progress = progress;
        this.scratch = scratch;
    }

    /**
     * Runs every scale case of the plan on each contender in {@code capable} that can run it; a
     * contender's launcher starts each fresh instance.
     */
    void run(Map<Contender, SystemLauncher> launchers, Map<Contender, Set<ScaleCase>> capable) throws Exception {
        for (ScaleCase scaleCase : ScaleCase.values()) {
            if (!plan.scaleCases().contains(scaleCase)) {
                continue;
            }
            for (Contender contender : Contender.values()) {
                if (capable.getOrDefault(contender, Set.of()).contains(scaleCase)) {
                    runOnFreshInstance(scaleCase, contender, launchers.get(contender));
                }
            }
        }
    }

    Map<Contender, OpenDialogsResult> openDialogs() {
        return openDialogs;
    }

    Map<Contender, DeepQueueResult> deepQueues() {
        return deepQueues;
    }

    private void runOnFreshInstance(ScaleCase scaleCase, Contender contender, SystemLauncher launcher)
            throws Exception {
        String who = contender.title() + " " + scaleCase.name();
        progress.say("starting a fresh " + contender.title() + " for " + scaleCase.name());
        Path directory = scratch.subdirectory(contender.name().toLowerCase(Locale.ROOT) + "-"
                + scaleCase.name().toLowerCase(Locale.ROOT));
        try {
            try (MessagingSystem system = launcher.start(directory)) {
                switch (scaleCase) {
                    case S1 -> openDialogs.put(contender, OpenDialogs.run((DialogSystem) system, plan.dialogs(),
                            plan.sendsWithDialogsOpen(), progress, who));
                    case S2 -> deepQueues.put(contender, DeepQueue.run(system, plan.queued(), plan.probesAtDepth(),
                            progress, who));
                }
            }
        } finally {
            ScratchDirectory.deleteTree(directory);
            System.gc();
        }
    }
}
