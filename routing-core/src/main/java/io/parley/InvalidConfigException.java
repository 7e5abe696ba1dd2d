package io.parley;

import java.nio.file.Path;
import java.util.List;

/**
 * A node configuration that cannot be used. {@link #problems()} lists every problem found, each
 * naming the key and value; the message joins them so a command line can print it on one line.
 */
public class InvalidConfigException extends RuntimeException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigException(Path file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
