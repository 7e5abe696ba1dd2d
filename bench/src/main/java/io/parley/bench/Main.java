package io.parley.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley-bench}: runs the cases against every system in {@link #SYSTEMS}, printing progress
 * to stderr and the Markdown table to stdout. Exits 0 when the table was printed, 1 when the run
 * failed (one line starting with {@code parley-bench:}) and 2 for a usage error.
 */
@Command(name = "parley-bench", sortOptions = false,
        description = "Measure Parley, embedded ActiveMQ Artemis and raw Derby on this machine's disk, in one JVM.")
public final class Main implements Callable<Integer> {

    /** The systems this build starts, each in a fresh directory on the disk being measured. */
    static final Map<Contender, SystemLauncher> SYSTEMS = Map.of(
            Contender.ARTEMIS, ArtemisSystem::start,
            Contender.DERBY, DerbyQueue::create,
            Contender.PARLEY, ParleySystem::start,
            Contender.PARLEY_JMS, ParleyJmsSystem::start);

    @Option(names = "--quick", description = "Tiny counts (" + RunPlan.QUICK_MESSAGES + " messages, one run, "
            + RunPlan.QUICK_DIALOGS + " dialogs, " + RunPlan.QUICK_QUEUED + " queued): "
            + "seconds in total; proves the bench works, measures nothing worth keeping.")
    boolean quick;

    @Option(names = "--messages", paramLabel = "N",
            description = "Messages per timed run (default " + RunPlan.DEFAULT_MESSAGES + ").")
    Integer messages;

    @Option(names = "--warm-up", paramLabel = "N", description = "Warm-up messages per case (default: a tenth of --messages).")
    Integer warmUp;

    @Option(names = "--runs", paramLabel = "R",
            description = "Timed runs per case; the table shows the median (default " + RunPlan.DEFAULT_RUNS + ").")
    Integer runs;

    @Option(names = "--cases", paramLabel = "CASE", split = ",",
            description = "Cases to run, comma-separated: P1, P2, P3, P4, and the scale cases S1 (open dialogs) "
                    + "and S2 (queued messages) (default: all).")
    List<String> cases;

    @Option(names = "--dialogs", paramLabel = "N",
            description = "Dialogs S1 opens (default " + RunPlan.DEFAULT_DIALOGS + ").")
    Integer dialogs;

    @Option(names = "--queued", paramLabel = "N",
            description = "Messages S2 queues (default " + RunPlan.DEFAULT_QUEUED + ").")
    Integer queued;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the systems keep their files, i.e. the disk measured (default: the temp directory).")
    Path dir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("parley-bench: " + (e.getMessage() != null ? e.getMessage() : e));
                    return 1;
                });
    }

    @Override
    public Integer call() throws Exception {
        RunPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("parley-bench: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        BenchReport report = new Bench(plan, new Progress(spec.commandLine().getErr())).run(SYSTEMS);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ResultTable.render(report));
        out.flush();
        return 0;
    }

    RunPlan plan() {
        int perRun = messages != null ? messages : quick ? RunPlan.QUICK_MESSAGES : RunPlan.DEFAULT_MESSAGES;
        Cases selected = cases == null ? Cases.all() : Cases.named(cases);
        return new RunPlan(
                selected.scenarios(),
                selected.scaleCases(),
                perRun,
                warmUp != null ? warmUp : RunPlan.warmUpFor(perRun),
                runs != null ? runs : quick ? RunPlan.QUICK_RUNS : RunPlan.DEFAULT_RUNS,
                dialogs != null ? dialogs : quick ? RunPlan.QUICK_DIALOGS : RunPlan.DEFAULT_DIALOGS,
                queued != null ? queued : quick ? RunPlan.QUICK_QUEUED : RunPlan.DEFAULT_QUEUED,
                dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")));
    }
}
