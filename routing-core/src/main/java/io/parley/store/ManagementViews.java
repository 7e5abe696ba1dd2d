package io.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The management views a store offers (semantics §8). They are real SQL views in schema {@code SB},
 * so {@code SELECT * FROM SB.ROUTES} works in any SQL tool; Service Broker's {@code sys.routes} is
 * {@code SB.ROUTES} because Derby reserves schema names starting with SYS. This class names them
 * and reads them for the command line.
 */
public final class ManagementViews {
    /** The view schema. */
    public static final String SCHEMA = "SB";

    /** Every view, by its name without schema, in the order the command line lists them. */
    public static final List<String> NAMES = List.of(
            "databases",
            "service_message_types",
            "service_contracts",
            "service_contract_message_usages",
            "service_queues",
            "services",
            "service_contract_usages",
            "routes",
            "service_broker_endpoints",
            "conversation_groups",
            "conversation_endpoints",
            "transmission_queue",
            "queue_messages");

    private ManagementViews() {
    }

    /**
     * Resolves a name as a user writes it — {@code routes}, {@code sys.routes} or {@code SB.ROUTES},
     * in any case — to a view name of {@link #NAMES}.
     */
    public static Optional<String> resolve(String userName) {
        String name = userName.toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        if (dot >= 0) {
            String schema = name.substring(0, dot);
            if (!schema.equals("sys") && !schema.equals("sb")) {
                return Optional.empty();
            }
            name = name.substring(dot + 1);
        }
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** Shows binary columns (message bodies) as text when they are UTF-8 text, else as hex. */
    private static String text(ResultSet rs, int column, int type) throws SQLException {
        if (type == Types.BLOB || type == Types.VARBINARY || type == Types.BINARY || type == Types.LONGVARBINARY) {
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? null : BodyText.of(bytes);
        }
        Object value = rs.getObject(column);
        return value == null ? null : value.toString();
    }

    /** Reads every row of a view returned by {@link #resolve}. */
    public static ViewRows read(Connection c, String view) throws SQLException {
        if (!NAMES.contains(view)) {
            throw new IllegalArgumentException("unknown view '" + view + "'; known views: " + String.join(", ", NAMES));
        }
        String sql = "SELECT * FROM " + SCHEMA + "." + view.toUpperCase(Locale.ROOT) + " ORDER BY 1, 2";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(text(rs, i, meta.getColumnType(i)));
                }
                rows.add(row);
            }
            return new ViewRows(view, columns, rows);
        }
    }
}
