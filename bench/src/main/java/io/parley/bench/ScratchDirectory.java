package io.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh directory for one run's files that is deleted, contents and all, on close. */
final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    static ScratchDirectory under(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new ScratchDirectory(Files.createTempDirectory(parent, "parley-bench-"));
    }

    Path path() {
        return path;
    }

    Path subdirectory(String name) throws IOException {
        return Files.createDirectory(path.resolve(name));
    }

    @Override
    public void close() throws IOException {
        deleteTree(path);
    }

    /** Deletes {@code root} and everything under it, such as a subdirectory whose system has closed. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
