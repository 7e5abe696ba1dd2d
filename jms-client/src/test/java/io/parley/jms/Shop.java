package io.parley.jms;

import io.parley.Node;
import io.parley.NodeConfig;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node for tests: broker Shop with services Orders and Billing (each on its own queue, accepting DEFAULT) and a
 * contract that allows the message types //Shop/Order and //Shop/Confirmation only. Connections it opened are closed
 * with it.
 */
final class Shop implements AutoCloseable {
    static final String ORDERS = "//Shop/Orders";
    static final String BILLING = "//Shop/Billing";
    static final String STRICT = "//Shop/Strict";

    final Node node;
    final ParleyConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();

    Shop(Path dir) {
        node = Node.open(NodeConfig.of("shop-node", dir, "Shop"));
        node.broker("Shop").execute("""
                CREATE MESSAGE TYPE [//Shop/Order];
                CREATE MESSAGE TYPE [//Shop/Confirmation];
                CREATE CONTRACT [//Shop/OrderContract] ([//Shop/Order] SENT BY INITIATOR,
                                                        [//Shop/Confirmation] SENT BY TARGET);
                CREATE QUEUE OrdersQ;
                CREATE QUEUE BillingQ;
                CREATE QUEUE StrictQ;
                CREATE SERVICE [//Shop/Orders] ON QUEUE OrdersQ ([DEFAULT]);
                CREATE SERVICE [//Shop/Billing] ON QUEUE BillingQ ([DEFAULT]);
                CREATE SERVICE [//Shop/Strict] ON QUEUE StrictQ ([//Shop/OrderContract]);
                """);
        factory = new ParleyConnectionFactory(node);
    }

    /** A new service on a queue of its own, accepting DEFAULT, for a test that wants a queue to itself. */
    String service(String name) {
        node.broker("Shop").execute("CREATE QUEUE [" + name + "Q]; CREATE SERVICE [//Shop/" + name + "] ON QUEUE ["
                + name + "Q] ([DEFAULT]);");
        return "//Shop/" + name;
    }

    /** A started connection, closed with the shop. */
    Connection connection() throws JMSException {
        Connection connection = factory.createConnection();
        connections.add(connection);
        connection.start();
        return connection;
    }

    /** How many ready messages wait in {@code queue}, read with plain SQL. */
    int waiting(String queue) {
        return node.broker("Shop").store().inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM SB.QUEUE_MESSAGES WHERE QUEUE_NAME = ? AND STATUS = 1")) {
                ps.setString(1, queue);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** How many conversation endpoints the broker keeps that are not closed. */
    int openEndpoints() {
        return node.broker("Shop").store().inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM SB.CONVERSATION_ENDPOINTS WHERE STATE <> 'CD'")) {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void close() throws JMSException {
        for (Connection connection : connections) {
            connection.close();
        }
        node.close();
    }
}
