package io.parley.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedXADataSource;

/**
 * Embedded Apache Derby: the database lives in the {@code derby} folder of the store directory
 * (Derby insists on creating its own folder) and is opened by one process at a time. The engine's
 * own diagnostic log is routed through {@link DerbyLog} instead of a {@code derby.log} file in the
 * working directory.
 */
final class DerbyDialect implements SqlDialect {
    /** Derby's SQLState when another JVM holds the database's lock file. */
    private static final String ANOTHER_JVM_BOOTED = "XSDB6";
    /** Derby's SQLStates for a deadlock victim and for a lock wait that timed out. */
    private static final String DEADLOCK = "40001";
    private static final String LOCK_TIMEOUT = "40XL1";
    /** Derby's SQLState for a clean single-database shutdown. */
    private static final String DATABASE_SHUT_DOWN = "08006";

    DerbyDialect() {
        if (System.getProperty("derby.stream.error.file") == null
                && System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.field", DerbyLog.class.getName() + ".STREAM");
        }
    }

    @Override
    public String name() {
        return "derby";
    }

    @Override
    public boolean exists(StoreConfig config) {
        return Files.isRegularFile(databasePath(config).resolve("service.properties"));
    }

    @Override
    public DataSource dataSource(StoreConfig config, boolean create) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(databasePath(config).toString());
        if (create) {
            ds.setCreateDatabase("create");
        }
        return ds;
    }

    @Override
    public XADataSource xaDataSource(StoreConfig config) {
        EmbeddedXADataSource ds = new EmbeddedXADataSource();
        ds.setDatabaseName(databasePath(config).toString());
        return ds;
    }

    @Override
    public void shutdown(StoreConfig config) {
        try {
            DriverManager.getConnection("jdbc:derby:" + databasePath(config) + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw translate(e, config, "shut down");
            }
        }
    }

    private static Path databasePath(StoreConfig config) {
        return config.directory().resolve("derby");
    }

    @Override
    public String dirtyReadClause() {
        return " WITH UR";
    }

    @Override
    public String indexHint(String indexName) {
        // Derby reads optimizer overrides from a comment that must end the line.
        return " --DERBY-PROPERTIES index=" + indexName + "\n";
    }

    @Override
    public StoreException translate(SQLException e, StoreConfig config, String action) {
        if (hasState(e, ANOTHER_JVM_BOOTED)) {
            return new StoreException(StoreException.Kind.IN_USE,
                    "store " + config.directory() + " is in use by another process; stop that process "
                            + "or give this one its own store directory", e);
        }
        if (hasState(e, DEADLOCK) || hasState(e, LOCK_TIMEOUT)) {
            return new StoreException(StoreException.Kind.CONFLICT, "could not " + action + " the " + config
                    + ": the transaction " + (hasState(e, DEADLOCK) ? "was chosen as a deadlock victim" : "waited too long"
                    + " for a lock") + "; roll the transaction back and run it again", e);
        }
        return new StoreException(StoreException.Kind.DATABASE,
                "could not " + action + " the " + config + ": " + e.getMessage()
                        + " (SQLState " + e.getSQLState() + ")", e);
    }

    /** Derby reports the root of a boot failure in the chain of next exceptions as well as in causes. */
    private static boolean hasState(Throwable t, String sqlState) {
        if (t == null) {
            return false;
        }
        if (t instanceof SQLException sql) {
            if (sqlState.equals(sql.getSQLState())) {
                return true;
            }
            if (hasState(sql.getNextException(), sqlState)) {
                return true;
            }
        }
        return t.getCause() != t && hasState(t.getCause(), sqlState);
    }
}
