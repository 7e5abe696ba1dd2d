package io.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks an application's JDBC connection before engine work joins its transaction. Its database
 * must be the store's own, recognised by the broker instance id the store keeps in its own table,
 * whatever URL or pool the application reached it through; and it must not auto-commit, or each
 * engine statement would commit on its own and a failure could leave half of a SEND or RECEIVE.
 */
final class ApplicationConnections {
    private ApplicationConnections() {
    }

    static void requireSameDatabase(Connection application, Store store) {
        try {
            if (application.isClosed()) {
                throw invalid(store, "the connection is closed");
            }
            if (application.getAutoCommit()) {
                throw invalid(store, "the connection has auto-commit on; call setAutoCommit(false) first, so the"
                        + " application's SQL and the messaging commit together");
            }
            String id = brokerInstanceIdSeenBy(application);
            if (!store.brokerInstanceId().toString().equals(id)) {
                throw invalid(store, "the connection is to another database (" + describe(application) + ")");
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.INVALID, "cannot share a JDBC connection with "
                    + store.config() + ": the connection is not to a Parley store (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The store's id as the application's connection reads it. Reading it starts the connection's
     * transaction, which the engine's work then continues; the row is never written after creation,
     * so the read holds nothing another transaction waits for.
     */
    private static String brokerInstanceIdSeenBy(Connection application) throws SQLException {
        try (PreparedStatement ps = application.prepareStatement(
                "SELECT VALUE FROM PARLEY.STORE_INFO WHERE NAME = ?")) {
            ps.setString(1, Store.ID_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String describe(Connection application) {
        try {
            return application.getMetaData().getURL();
        } catch (SQLException e) {
            return "its URL cannot be read: " + e.getMessage();
        }
    }

    private static StoreException invalid(Store store, String why) {
        return new StoreException(StoreException.Kind.INVALID, "cannot share a JDBC connection with " + store.config()
                + ": " + why);
    }
}
