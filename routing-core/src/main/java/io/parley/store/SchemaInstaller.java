package io.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a store's schema to {@link #CURRENT_VERSION}: runs {@code schema-N.sql} for every version
 * above the store's, each in its own transaction together with the new version number, so a crash
 * mid-migration leaves the store at the last complete version. A store newer than this code is
 * refused rather than guessed at.
 */
final class SchemaInstaller {
    /** The schema version this code writes and understands. */
    static final int CURRENT_VERSION = 8;

    static final String VERSION_KEY = "schema_version";

    private final SqlDialect dialect;

    SchemaInstaller(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The store's schema version: 0 for an empty database. */
    int versionOf(Connection c) throws SQLException {
        if (!tableExists(c, "PARLEY", "STORE_INFO")) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT VALUE FROM PARLEY.STORE_INFO WHERE NAME = ?")) {
            ps.setString(1, VERSION_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
            }
        }
    }

    /**
     * Migrates the store to {@code targetVersion}, returning the version it had before.
     *
     * @throws StoreException NEWER_SCHEMA when the store is already past this code's version
     */
    int migrate(Connection c, StoreConfig config, int targetVersion) throws SQLException {
        int from = versionOf(c);
        if (from > CURRENT_VERSION) {
            throw new StoreException(StoreException.Kind.NEWER_SCHEMA, config + " has schema version " + from
                    + ", newer than the version " + CURRENT_VERSION + " this Parley understands; "
                    + "run a Parley release that supports it");
        }
        for (int version = from + 1; version <= targetVersion; version++) {
            apply(c, version);
        }
        return from;
    }

    private void apply(Connection c, int version) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String sql : script(version)) {
                st.execute(sql);
            }
            writeVersion(c, version);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private List<String> script(int version) {
        List<String> own = SqlScript.load("schema-" + version + "." + dialect.name() + ".sql");
        List<String> generic = own != null ? own : SqlScript.load("schema-" + version + ".sql");
        if (generic == null) {
            throw new IllegalStateException("schema script for version " + version + " is missing from the classpath");
        }
        return generic;
    }

    private static void writeVersion(Connection c, int version) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE PARLEY.STORE_INFO SET VALUE = ? WHERE NAME = ?")) {
            update.setString(1, Integer.toString(version));
            update.setString(2, VERSION_KEY);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO PARLEY.STORE_INFO (NAME, VALUE) VALUES (?, ?)")) {
                    insert.setString(1, VERSION_KEY);
                    insert.setString(2, Integer.toString(version));
                    insert.executeUpdate();
                }
            }
        }
    }

    private static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, schema, table, null)) {
            return rs.next();
        }
    }
}
