package io.parley.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transport's log records while a test runs, through the JDK's default System.Logger backend
 * (java.util.logging). Records at INFO and above are kept and not printed, so expected failures do
 * not clutter the build output.
 */
final class LogCapture implements AutoCloseable {
    private static final Pattern CONNECTION = Pattern.compile("(?:connection|link) (\\d+) ");

    private final Logger logger = Logger.getLogger("io.parley.transport");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean parentHandlers = logger.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.INFO);
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    static LogCapture start() {
        return new LogCapture();
    }

    List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages of records whose text contains {@code part}. */
    List<String> messagesContaining(String part) {
        return records.stream().map(LogRecord::getMessage).filter(m -> m.contains(part)).toList();
    }

    /** The connection number a transport log message is about. */
    static long connectionOf(String message) {
        Matcher m = CONNECTION.matcher(message);
        if (!m.find()) {
            throw new AssertionError("no connection number in: " + message);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parentHandlers);
    }
}
