package io.parley.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the parley command line as a real child JVM and captures its exit code and output. */
final class CliProcess {
    record Result(int exitCode, String out, String err) {
    }

    private CliProcess() {
    }

    static ProcessBuilder builder(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ParleyCommand.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile());
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Process p = builder(workDir, args).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("parley " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
