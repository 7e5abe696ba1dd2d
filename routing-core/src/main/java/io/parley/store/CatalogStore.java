package io.parley.store;

import io.parley.catalog.BrokerEndpoint;
import io.parley.catalog.Catalog;
import io.parley.catalog.Contract;
import io.parley.catalog.EndpointState;
import io.parley.catalog.MessageType;
import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import io.parley.catalog.SentBy;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.ServiceQueue.DeadLetterPolicy;
import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a store's catalog into a {@link Catalog} snapshot and writes the difference between two
 * snapshots back, inside the caller's transaction. Writing a difference keeps row ids (and so the
 * ids the management views show) stable across changes, and orders the writes so that foreign
 * keys hold at every step: referenced objects are inserted first and deleted last.
 */
public final class CatalogStore {

    /** Reads the whole catalog; objects come back in creation order. */
    public Catalog load(Connection c) throws SQLException {
        Catalog catalog = Catalog.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME, VALIDATION FROM PARLEY.MESSAGE_TYPES ORDER BY ID");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                catalog = catalog.withMessageType(new MessageType(rs.getString(1), Validation.ofCode(rs.getString(2))));
            }
        }
        Map<String, Map<String, SentBy>> contracts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT c.NAME, m.NAME, u.SENT_BY FROM PARLEY.CONTRACTS c"
                        + " LEFT JOIN PARLEY.CONTRACT_MESSAGE_TYPES u ON u.CONTRACT_ID = c.ID"
                        + " LEFT JOIN PARLEY.MESSAGE_TYPES m ON m.ID = u.MESSAGE_TYPE_ID"
                        + " ORDER BY c.ID, u.POSITION");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, SentBy> types = contracts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>());
                if (rs.getString(2) != null) {
                    types.put(rs.getString(2), sentBy(rs.getString(3)));
                }
            }
        }
        for (Map.Entry<String, Map<String, SentBy>> e : contracts.entrySet()) {
            catalog = catalog.withContract(new Contract(e.getKey(), e.getValue()));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT NAME, IS_ENABLED, IS_RETENTION_ENABLED, IS_POISON_HANDLING_ENABLED, IS_ACTIVATION_ENABLED,"
                        + " MAX_READERS, ACTIVATION_PROCEDURE, MAX_DELIVERIES, DEAD_LETTER_QUEUE FROM PARLEY.QUEUES ORDER BY ID");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String deadLetterQueue = rs.getString(9);
                catalog = catalog.withQueue(new ServiceQueue(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6), rs.getString(7),
                        deadLetterQueue == null ? null : new DeadLetterPolicy(rs.getInt(8), deadLetterQueue)));
            }
        }
        Map<String, String> serviceQueues = new LinkedHashMap<>();
        Map<String, Set<String>> serviceContracts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT s.NAME, q.NAME, c.NAME FROM PARLEY.SERVICES s"
                        + " JOIN PARLEY.QUEUES q ON q.ID = s.QUEUE_ID"
                        + " LEFT JOIN PARLEY.SERVICE_CONTRACTS u ON u.SERVICE_ID = s.ID"
                        + " LEFT JOIN PARLEY.CONTRACTS c ON c.ID = u.CONTRACT_ID"
                        + " ORDER BY s.ID, u.POSITION");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                serviceQueues.put(rs.getString(1), rs.getString(2));
                Set<String> accepted = serviceContracts.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>());
                if (rs.getString(3) != null) {
                    accepted.add(rs.getString(3));
                }
            }
        }
        for (Map.Entry<String, String> e : serviceQueues.entrySet()) {
            catalog = catalog.withService(new Service(e.getKey(), e.getValue(), serviceContracts.get(e.getKey())));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT NAME, SERVICE_NAME, BROKER_INSTANCE, ADDRESS, MIRROR_ADDRESS, LIFETIME FROM PARLEY.ROUTES ORDER BY ID");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String broker = rs.getString(3);
                String mirror = rs.getString(5);
                catalog = catalog.withRoute(new Route(rs.getString(1), rs.getString(2),
                        broker == null ? null : UUID.fromString(broker),
                        RouteAddress.parse(rs.getString(4)),
                        mirror == null ? null : (RouteAddress.Tcp) RouteAddress.parse(mirror),
                        UtcTimestamps.read(rs, 6)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT NAME, STATE, LISTENER_PORT, LISTENER_IP, IS_FORWARDING_ENABLED, FORWARD_SIZE_MB"
                        + " FROM PARLEY.BROKER_ENDPOINTS");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                catalog = catalog.withEndpoint(new BrokerEndpoint(rs.getString(1), EndpointState.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6)));
            }
        }
        return catalog;
    }

    /** Reads the catalog and makes the per-queue views any queue lacks (stores older than schema 5). */
    public Catalog loadEnsuringQueueViews(Connection c) throws SQLException {
        Catalog catalog = load(c);
        QueueViews.ensure(c, catalog);
        return catalog;
    }

    /** Writes what changed from {@code before} to {@code after}; {@code before} must be what the store holds. */
    public void save(Connection c, Catalog before, Catalog after) throws SQLException {
        for (MessageType type : after.messageTypes()) {
            MessageType old = before.messageType(type.name()).orElse(null);
            if (old == null) {
                insertMessageType(c, type);
            } else if (!old.equals(type)) {
                update(c, "UPDATE PARLEY.MESSAGE_TYPES SET VALIDATION = ? WHERE NAME = ?", type.validation().code(), type.name());
            }
        }
        for (Contract contract : after.contracts()) {
            if (before.contract(contract.name()).isEmpty()) {
                insertContract(c, contract);
            }
        }
        for (ServiceQueue queue : after.queues()) {
            ServiceQueue old = before.queue(queue.name()).orElse(null);
            if (old == null) {
                writeQueue(c, "INSERT INTO PARLEY.QUEUES (IS_ENABLED, IS_RETENTION_ENABLED, IS_POISON_HANDLING_ENABLED,"
                        + " IS_ACTIVATION_ENABLED, MAX_READERS, ACTIVATION_PROCEDURE, MAX_DELIVERIES, DEAD_LETTER_QUEUE, NAME)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", queue);
                QueueViews.create(c, queue.name());
            } else if (!old.equals(queue)) {
                writeQueue(c, "UPDATE PARLEY.QUEUES SET IS_ENABLED = ?, IS_RETENTION_ENABLED = ?, IS_POISON_HANDLING_ENABLED = ?,"
                        + " IS_ACTIVATION_ENABLED = ?, MAX_READERS = ?, ACTIVATION_PROCEDURE = ?, MAX_DELIVERIES = ?,"
                        + " DEAD_LETTER_QUEUE = ? WHERE NAME = ?", queue);
            }
        }
        for (Service service : after.services()) {
            Service old = before.service(service.name()).orElse(null);
            if (old == null) {
                update(c, "INSERT INTO PARLEY.SERVICES (NAME, QUEUE_ID) VALUES (?, " + idOf("QUEUES") + ")",
                        service.name(), service.queueName());
                insertServiceContracts(c, service);
            } else if (!old.equals(service)) {
                update(c, "UPDATE PARLEY.SERVICES SET QUEUE_ID = " + idOf("QUEUES") + " WHERE NAME = ?",
                        service.queueName(), service.name());
                if (!old.queueName().equals(service.queueName())) {
                    moveToQueue(c, service);
                }
                update(c, "DELETE FROM PARLEY.SERVICE_CONTRACTS WHERE SERVICE_ID = " + idOf("SERVICES"), service.name());
                insertServiceContracts(c, service);
            }
        }
        deleteMissing(c, "SERVICES", before.services().stream().map(Service::name).toList(), n -> after.service(n).isPresent());
        deleteMissing(c, "CONTRACTS", before.contracts().stream().map(Contract::name).toList(), n -> after.contract(n).isPresent());
        for (ServiceQueue queue : before.queues()) {
            if (after.queue(queue.name()).isEmpty()) {
                update(c, "DELETE FROM PARLEY.QUEUE_MESSAGES WHERE QUEUE_ID = " + idOf("QUEUES"), queue.name());
                QueueViews.drop(c, queue.name());
            }
        }
        deleteMissing(c, "QUEUES", before.queues().stream().map(ServiceQueue::name).toList(), n -> after.queue(n).isPresent());
        deleteMissing(c, "MESSAGE_TYPES", before.messageTypes().stream().map(MessageType::name).toList(), n -> after.messageType(n).isPresent());
        saveRoutes(c, before, after);
        saveEndpoint(c, before, after);
    }

    /**
     * ALTER SERVICE … ON QUEUE: the service's messages and conversation groups go to its new queue;
     * its dead letters stay in the dead-letter queues they were moved to.
     */
    private static void moveToQueue(Connection c, Service service) throws SQLException {
        update(c, "UPDATE PARLEY.QUEUE_MESSAGES SET QUEUE_ID = " + idOf("QUEUES")
                + " WHERE SERVICE_NAME = ? AND DEAD_LETTER_SOURCE IS NULL", service.queueName(), service.name());
        update(c, "UPDATE PARLEY.CONVERSATION_GROUPS SET QUEUE_ID = " + idOf("QUEUES") + " WHERE SERVICE_NAME = ?",
                service.queueName(), service.name());
    }

    private static void insertMessageType(Connection c, MessageType type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO PARLEY.MESSAGE_TYPES (NAME, VALIDATION, IS_SYSTEM) VALUES (?, ?, ?)")) {
            ps.setString(1, type.name());
            ps.setString(2, type.validation().code());
            ps.setBoolean(3, SystemObjects.isSystemMessageType(type.name()));
            ps.executeUpdate();
        }
    }

    private static void insertContract(Connection c, Contract contract) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PARLEY.CONTRACTS (NAME, IS_SYSTEM) VALUES (?, ?)")) {
            ps.setString(1, contract.name());
            ps.setBoolean(2, SystemObjects.isSystemContract(contract.name()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO PARLEY.CONTRACT_MESSAGE_TYPES (CONTRACT_ID, MESSAGE_TYPE_ID, SENT_BY, POSITION)"
                        + " VALUES (" + idOf("CONTRACTS") + ", " + idOf("MESSAGE_TYPES") + ", ?, ?)")) {
            int position = 0;
            for (Map.Entry<String, SentBy> e : contract.messageTypes().entrySet()) {
                ps.setString(1, contract.name());
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue().name().substring(0, 1));
                ps.setInt(4, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeQueue(Connection c, String sql, ServiceQueue q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindQueue(ps, q);
            ps.executeUpdate();
        }
    }

    private static void bindQueue(PreparedStatement ps, ServiceQueue q) throws SQLException {
        ps.setBoolean(1, q.enabled());
        ps.setBoolean(2, q.retention());
        ps.setBoolean(3, q.poisonMessageHandling());
        ps.setBoolean(4, q.activationEnabled());
        ps.setInt(5, q.maxQueueReaders());
        ps.setString(6, q.activationProcedure());
        DeadLetterPolicy deadLetter = q.deadLetter();
        if (deadLetter == null) {
            ps.setNull(7, Types.INTEGER);
            ps.setNull(8, Types.VARCHAR);
        } else {
            ps.setInt(7, deadLetter.maxDeliveries());
            ps.setString(8, deadLetter.queueName());
        }
        ps.setString(9, q.name());
    }

    private static void insertServiceContracts(Connection c, Service service) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO PARLEY.SERVICE_CONTRACTS (SERVICE_ID, CONTRACT_ID, POSITION)"
                        + " VALUES (" + idOf("SERVICES") + ", " + idOf("CONTRACTS") + ", ?)")) {
            int position = 0;
            for (String contract : service.contracts()) {
                ps.setString(1, service.name());
                ps.setString(2, contract);
                ps.setInt(3, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void saveRoutes(Connection c, Catalog before, Catalog after) throws SQLException {
        for (Route route : after.routes()) {
            Route old = before.route(route.name()).orElse(null);
            if (old == null) {
                writeRoute(c, "INSERT INTO PARLEY.ROUTES (SERVICE_NAME, BROKER_INSTANCE, ADDRESS, MIRROR_ADDRESS, LIFETIME, NAME)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", route);
            } else if (!old.equals(route)) {
                writeRoute(c, "UPDATE PARLEY.ROUTES SET SERVICE_NAME = ?, BROKER_INSTANCE = ?, ADDRESS = ?,"
                        + " MIRROR_ADDRESS = ?, LIFETIME = ? WHERE NAME = ?", route);
            }
        }
        deleteMissing(c, "ROUTES", before.routes().stream().map(Route::name).toList(), n -> after.route(n).isPresent());
    }

    private static void writeRoute(Connection c, String sql, Route route) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, route.serviceName());
            ps.setString(2, route.brokerInstance() == null ? null : route.brokerInstance().toString());
            ps.setString(3, route.address().toString());
            ps.setString(4, route.mirrorAddress() == null ? null : route.mirrorAddress().toString());
            UtcTimestamps.write(ps, 5, route.expiresAt());
            ps.setString(6, route.name());
            ps.executeUpdate();
        }
    }

    private static void saveEndpoint(Connection c, Catalog before, Catalog after) throws SQLException {
        BrokerEndpoint old = before.endpoint().orElse(null);
        BrokerEndpoint now = after.endpoint().orElse(null);
        if (Objects.equals(old, now)) {
            return;
        }
        if (old != null) {
            update(c, "DELETE FROM PARLEY.BROKER_ENDPOINTS WHERE NAME = ?", old.name());
        }
        if (now != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO PARLEY.BROKER_ENDPOINTS (NAME, STATE, LISTENER_PORT, LISTENER_IP,"
                            + " IS_FORWARDING_ENABLED, FORWARD_SIZE_MB) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, now.name());
                ps.setString(2, now.state().name());
                ps.setInt(3, now.listenerPort());
                if (now.listenerIp() == null) {
                    ps.setNull(4, Types.VARCHAR);
                } else {
                    ps.setString(4, now.listenerIp());
                }
                ps.setBoolean(5, now.messageForwarding());
                ps.setInt(6, now.messageForwardSizeMb());
                ps.executeUpdate();
            }
        }
    }

    private static void deleteMissing(Connection c, String table, Iterable<String> names,
                                      Predicate<String> stillThere) throws SQLException {
        for (String name : names) {
            if (!stillThere.test(name)) {
                update(c, "DELETE FROM PARLEY." + table + " WHERE NAME = ?", name);
            }
        }
    }

    private static void update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String idOf(String table) {
        return "(SELECT ID FROM PARLEY." + table + " WHERE NAME = ?)";
    }

    private static SentBy sentBy(String code) {
        return switch (code) {
            case "I" -> SentBy.INITIATOR;
            case "T" -> SentBy.TARGET;
            case "A" -> SentBy.ANY;
            default -> throw new IllegalStateException("unknown SENT_BY code '" + code + "' in PARLEY.CONTRACT_MESSAGE_TYPES");
        };
    }
}
