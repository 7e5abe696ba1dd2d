package io.parley.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The physical floor: one table in an embedded Derby database, with Derby's default full
 * durability, used as a queue. Sending is INSERT of the 1 KiB body and COMMIT; receiving is SELECT
 * of the oldest row, DELETE of it and COMMIT. It is what any Derby-based broker must at least do per
 * message, with no routing, no conversations and no bookkeeping. Receivers wait on a count of
 * committed rows kept in memory instead of polling the table, as an engine notifying its own
 * receivers would. It serves one sender and one receiver at a time, as the bench uses it: Derby
 * makes a reader wait on another transaction's uncommitted row, and the receiver relies on rows
 * being committed in ID order.
 */
final class DerbyQueue implements MessagingSystem {
    private static final String TABLE = "QUEUED_MESSAGE";

    private final String url;
    private final String version;
    /** Committed rows not yet claimed by a receiver. */
    private final Semaphore committedRows = new Semaphore(0);

    private DerbyQueue(String url, String version) {
        this.url = url;
        this.version = version;
    }

    /** Creates the database and its table in {@code directory}. */
    static DerbyQueue create(Path directory) throws SQLException {
        if (System.getProperty("derby.stream.error.file") == null) {
            // Derby otherwise writes derby.log into the working directory, wherever the bench was started.
            System.setProperty("derby.stream.error.file", directory.resolve("derby.log").toString());
        }
        String url = "jdbc:derby:" + directory.resolve("queue");
        try (Connection connection = DriverManager.getConnection(url + ";create=true");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + TABLE + " (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "BODY VARCHAR(" + Scenario.BODY_BYTES + ") FOR BIT DATA NOT NULL)");
            // The product version reads "10.16.1.1 - (1901046)"; the build number says nothing here.
            String version = connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
            return new DerbyQueue(url, version);
        }
    }

    @Override
    public String description() {
        return "Apache Derby " + version + " embedded, full durability, one table as a queue "
                + "(INSERT + COMMIT; SELECT oldest + DELETE + COMMIT)";
    }

    @Override
    public Sender openSender() throws SQLException {
        return new TableSender(connect());
    }

    @Override
    public Receiver openReceiver() throws SQLException {
        return new TableReceiver(connect());
    }

    @Override
    public void close() {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a clean database shutdown as SQLState 08006; anything else is a failure.
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("Derby did not shut down " + url, e);
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connection.setAutoCommit(false);
        return connection;
    }

    private static void rollbackAndClose(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Derby could not roll back and close a connection", e);
        }
    }

    private final class TableSender implements Sender {
        private final Connection connection;
        private final PreparedStatement insert;
        private int uncommitted;

        TableSender(Connection connection) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement("INSERT INTO " + TABLE + " (BODY) VALUES (?)");
        }

        @Override
        public void send(byte[] body) throws SQLException {
            insert.setBytes(1, body);
            insert.executeUpdate();
            uncommitted++;
        }

        @Override
        public void commit() throws SQLException {
            connection.commit();
            committedRows.release(uncommitted);
            uncommitted = 0;
        }

        @Override
        public void close() {
            rollbackAndClose(connection);
        }
    }

    /**
     * Takes the oldest row by seeking past the last one it took rather than reading the index from
     * its head: Derby keeps deleted entries there until it reclaims the page, and stepping over them
     * made every SELECT several times slower than the DELETE and COMMIT together.
     */
    private final class TableReceiver implements Receiver {
        private final Connection connection;
        private final PreparedStatement oldestAfterLastTaken;
        private final PreparedStatement delete;
        private long lastTaken;
        private int uncommitted;

        TableReceiver(Connection connection) throws SQLException {
            this.connection = connection;
            this.oldestAfterLastTaken = connection.prepareStatement(
                    "SELECT ID, BODY FROM " + TABLE + " WHERE ID > ? ORDER BY ID FETCH FIRST ROW ONLY");
            this.delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE ID = ?");
        }

        @Override
        public Optional<byte[]> receive(Duration maxWait) throws SQLException, InterruptedException {
            if (!committedRows.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            uncommitted++;
            oldestAfterLastTaken.setLong(1, lastTaken);
            try (ResultSet row = oldestAfterLastTaken.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException(TABLE + " has no row after ID " + lastTaken
                            + " although a committed one was counted");
                }
                lastTaken = row.getLong(1);
                byte[] body = row.getBytes(2);
                delete.setLong(1, lastTaken);
                delete.executeUpdate();
                return Optional.of(body);
            }
        }

        @Override
        public void commit() throws SQLException {
            connection.commit();
            uncommitted = 0;
        }

        @Override
        public void close() {
            rollbackAndClose(connection);
            committedRows.release(uncommitted);
        }
    }
}
