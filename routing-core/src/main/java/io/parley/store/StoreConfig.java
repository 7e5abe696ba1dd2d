package io.parley.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a store lives and which dialect speaks to it. For embedded Derby the location is a
 * directory that holds the whole database; it is created on first open.
 */
public record StoreConfig(SqlDialect dialect, Path directory) {
    public StoreConfig {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
    }

    /** An embedded Derby store in {@code directory}. */
    public static StoreConfig derby(Path directory) {
        return new StoreConfig(SqlDialect.DERBY, directory);
    }

    @Override
    public String toString() {
        return dialect.name() + " store at " + directory;
    }
}
