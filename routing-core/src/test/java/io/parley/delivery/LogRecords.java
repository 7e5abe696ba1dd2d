package io.parley.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log lines one class writes while this is open, at every level: {@code System.Logger} goes to
 * java.util.logging in tests, under the class's name.
 */
final class LogRecords extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
        this.logger = logger;
        this.previous = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    static LogRecords of(Class<?> source) {
        return new LogRecords(Logger.getLogger(source.getName()));
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
