package io.parley.bench;

import java.nio.file.Path;

/**
 * Starts a {@link MessagingSystem} with its files in a fresh, empty directory that the bench deletes
 * after closing it; the directory is on the disk being measured.
 */
@FunctionalInterface
public interface SystemLauncher {
    MessagingSystem start(Path directory) throws Exception;
}
