package io.parley.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code parley} command. It only lists the subcommands; {@link #main} wires the
 * one-line error reporting and the exit codes: 0 ok, 1 the command failed, 2 bad usage.
 */
@Command(name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "Service Broker style transactional messaging for the JVM.",
        subcommands = {NodeCommand.class, SqlCommand.class, ViewsCommand.class, RouteCommand.class, DemoCommand.class})
public final class ParleyCommand {

    public static void main(String[] args) {
        Logging.showWarningsOnly();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ParleyCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("parley: " + oneLine(e));
            return 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}
