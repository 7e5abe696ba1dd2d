package io.parley.server.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The command line's logging defaults: engine logs (through {@code System.Logger}, backed here by
 * java.util.logging) show warnings only, so a command's stderr is its one-line error; a running node
 * also reports INFO. A {@code java.util.logging.config.file} given by the user replaces both.
 */
final class Logging {
    private Logging() {
    }

    static void showWarningsOnly() {
        setRootLevel(Level.WARNING);
    }

    static void showInfo() {
        setRootLevel(Level.INFO);
    }

    private static void setRootLevel(Level level) {
        if (System.getProperty("java.util.logging.config.file") == null) {
            Logger root = Logger.getLogger("");
            root.setLevel(level);
            for (var handler : root.getHandlers()) {
                handler.setLevel(level);
            }
        }
    }
}
