package io.parley.store;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * The stream Derby writes its diagnostic log to (named by the {@code derby.stream.error.field}
 * system property), forwarding each line to {@code System.Logger} so the host application's logging
 * decides where it goes. It must be public for Derby to find it by reflection.
 */
public final class DerbyLog {
    private static final System.Logger LOG = System.getLogger("io.parley.store.derby");

    /** Derby writes here; complete lines go to the logger at DEBUG. */
    public static final OutputStream STREAM = new LineForwarder();

    private DerbyLog() {
    }

    private static final class LineForwarder extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void flush() {
            flushLine();
        }

        private void flushLine() {
            if (line.size() > 0) {
                LOG.log(Level.DEBUG, line.toString(StandardCharsets.UTF_8).stripTrailing());
                line.reset();
            }
        }
    }
}
