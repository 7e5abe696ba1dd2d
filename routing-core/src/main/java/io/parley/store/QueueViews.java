package io.parley.store;

import io.parley.catalog.Catalog;
import io.parley.catalog.ServiceQueue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * One view per service queue, {@code DBO."<queue>"}, so a queue reads as it does in Service Broker:
 * {@code SELECT * FROM DBO."OrdersQueue"} returns its messages with the columns of R-OBJ-21. The name
 * is quoted because queue names compare byte-exactly (R-OBJ-1). Views are created and dropped with
 * their queues, and {@link #ensure} makes any that are missing, which also covers stores created
 * before these views existed.
 */
final class QueueViews {
    static final String SCHEMA = "DBO";

    private static final String COLUMNS = "STATUS, PRIORITY, QUEUING_ORDER, CONVERSATION_GROUP_ID, CONVERSATION_HANDLE,"
            + " MESSAGE_SEQUENCE_NUMBER, SERVICE_NAME, SERVICE_ID, SERVICE_CONTRACT_NAME, SERVICE_CONTRACT_ID,"
            + " MESSAGE_TYPE_NAME, MESSAGE_TYPE_ID, VALIDATION, MESSAGE_BODY, MESSAGE_ID";

    private QueueViews() {
    }

    static void create(Connection c, String queue) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE VIEW " + SCHEMA + "." + identifier(queue) + " AS SELECT " + COLUMNS
                    + " FROM SB.QUEUE_MESSAGES WHERE QUEUE_NAME = " + literal(queue));
        }
    }

    static void drop(Connection c, String queue) throws SQLException {
        if (existing(c).contains(queue)) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP VIEW " + SCHEMA + "." + identifier(queue));
            }
        }
    }

    /** Creates the view of every queue of {@code catalog} that has none. */
    static void ensure(Connection c, Catalog catalog) throws SQLException {
        Set<String> existing = existing(c);
        for (ServiceQueue queue : catalog.queues()) {
            if (!existing.contains(queue.name())) {
                create(c, queue.name());
            }
        }
    }

    private static Set<String> existing(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, SCHEMA, null, new String[] {"VIEW"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
