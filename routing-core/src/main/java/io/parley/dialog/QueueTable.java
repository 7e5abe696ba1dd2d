package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import io.parley.store.SqlDialect;
import io.parley.store.Transaction;
import io.parley.store.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads and writes the messages of service queues ({@code PARLEY.QUEUE_MESSAGES}). Rows are ordered
 * for RECEIVE as R-CONV-26 and R-CONV-30 ask: by conversation, then DialogTimer before Error before
 * everything else, then sequence number. Each row counts its rolled-back deliveries; a dead letter
 * is a row moved to its dead-letter queue, which says where it came from.
 */
final class QueueTable {
    /** Queue row status (R-OBJ-20). */
    static final int RETAINED_RECEIVED = 0;
    static final int READY = 1;
    static final int RETAINED_SENT = 3;

    private static final String COLUMNS = "STATUS, PRIORITY, QUEUING_ORDER, GROUP_ID, HANDLE, SEQUENCE_NUMBER, SERVICE_NAME,"
            + " CONTRACT_NAME, MESSAGE_TYPE, VALIDATION, MESSAGE_BODY, MESSAGE_ID, DELIVERY_COUNT, DEAD_LETTER_SOURCE,"
            + " DEAD_LETTER_DELIVERIES";

    private final SqlDialect dialect;
    private final Supplier<Catalog> catalog;
    private final UncommittedArrivals uncommitted = new UncommittedArrivals();
    private volatile QueueIds queueIds = new QueueIds(null);

    QueueTable(SqlDialect dialect, Supplier<Catalog> catalog) {
        this.dialect = dialect;
        this.catalog = catalog;
    }

    /**
     * Queue ids by name, valid for one catalog snapshot: a queue dropped and created again gets a new
     * id, and every DDL change publishes a new snapshot after its commit, so an id read from the
     * store under a snapshot stays right until the next one.
     */
    private record QueueIds(Catalog snapshot, Map<String, Integer> byName) {
        QueueIds(Catalog snapshot) {
            this(snapshot, new ConcurrentHashMap<>());
        }
    }

    /** A message to store in a queue. */
    record Row(int queueId, int status, int priority, ConversationGroupId group, ConversationHandle handle,
               long sequence, String serviceName, String contractName, String messageType, Validation validation,
               byte[] body) {
    }

    /** Inserts a message in {@code tx}; a ready one is left out of other transactions' RECEIVEs until {@code tx} commits. */
    void insert(Transaction tx, Row row, Instant now) throws SQLException {
        if (row.status() == READY) {
            uncommitted.add(tx, row.handle(), row.sequence(), row.messageType());
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO PARLEY.QUEUE_MESSAGES (QUEUE_ID, STATUS, PRIORITY,"
                + " GROUP_ID, HANDLE, SEQUENCE_NUMBER, RECEIVE_RANK, SERVICE_NAME, CONTRACT_NAME, MESSAGE_TYPE, VALIDATION,"
                + " MESSAGE_BODY, MESSAGE_ID, ENQUEUE_TIME) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, row.queueId());
            ps.setInt(2, row.status());
            ps.setInt(3, row.priority());
            ps.setString(4, row.group().toString());
            ps.setString(5, row.handle().toString());
            ps.setLong(6, row.sequence());
            ps.setInt(7, receiveRank(row.messageType()));
            ps.setString(8, row.serviceName());
            ps.setString(9, row.contractName());
            ps.setString(10, row.messageType());
            ps.setString(11, row.validation().code());
            ps.setBytes(12, row.body() == null || row.body().length == 0 ? null : row.body());
            ps.setString(13, UUID.randomUUID().toString());
            UtcTimestamps.write(ps, 14, now);
            ps.executeUpdate();
        }
    }

    /** R-CONV-30: a DialogTimer is received first, then an Error, then the rest in sequence order. */
    private static int receiveRank(String messageType) {
        if (SystemObjects.DIALOG_TIMER.equals(messageType)) {
            return 0;
        }
        return SystemObjects.ERROR.equals(messageType) ? 1 : 2;
    }

    /** The distinct groups among the first {@code scanRows} ready messages, and whether more rows were left. */
    record ReadyGroups(List<ConversationGroupId> groups, boolean truncated) {
    }

    /**
     * The groups of the first {@code scanRows} ready messages in receive order (highest priority,
     * then oldest), read from the front of an index so the cost does not grow with the queue. Read
     * without waiting for other transactions' row locks: a group another receiver is busy with is
     * skipped by the caller's group lock anyway, and waiting on its rows would make receivers block
     * each other.
     */
    ReadyGroups groupsWithReadyMessages(Connection c, int queueId, int scanRows) throws SQLException {
        Set<ConversationGroupId> groups = new LinkedHashSet<>();
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT GROUP_ID FROM PARLEY.QUEUE_MESSAGES"
                + dialect.indexHint("MESSAGES_IN_ARRIVAL_ORDER") + " WHERE QUEUE_ID = ? AND STATUS = " + READY + " ORDER BY PRIORITY DESC, QUEUING_ORDER"
                + dialect.dirtyReadClause())) {
            ps.setMaxRows(scanRows);
            ps.setInt(1, queueId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    groups.add(ConversationGroupId.parse(rs.getString(1)));
                }
            }
        }
        return new ReadyGroups(List.copyOf(groups), rows == scanRows);
    }

    /**
     * Up to {@code top} ready messages of one group, optionally of one conversation only, in
     * receive order: all of one conversation before the next (R-CONV-26). The caller holds the
     * group's lock, so no other receiver takes these rows; rows other transactions have inserted
     * and not yet committed are read past rather than waited for.
     */
    List<ReceivedMessage> ready(Connection c, int queueId, ConversationGroupId group, ConversationHandle only, int top)
            throws SQLException {
        // Without the hint Derby may read the whole queue in arrival order and sort the group's rows.
        String sql = "SELECT " + COLUMNS + " FROM PARLEY.QUEUE_MESSAGES" + dialect.indexHint("MESSAGES_IN_RECEIVE_ORDER")
                + " WHERE QUEUE_ID = ? AND STATUS = " + READY
                + " AND GROUP_ID = ?" + (only == null ? "" : " AND HANDLE = ?")
                + " ORDER BY PRIORITY DESC, HANDLE, RECEIVE_RANK, SEQUENCE_NUMBER" + dialect.dirtyReadClause();
        List<ReceivedMessage> messages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, queueId);
            ps.setString(2, group.toString());
            if (only != null) {
                ps.setString(3, only.toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (messages.size() < top && rs.next()) {
                    if (!uncommitted.contains(ConversationHandle.parse(rs.getString(5)), rs.getLong(6), rs.getString(9))) {
                        messages.add(read(rs));
                    }
                }
            }
        }
        return messages;
    }

    /** Removes received rows, or with retention keeps them as status 0 (R-OBJ-23). */
    void consume(Connection c, List<ReceivedMessage> messages, boolean retain) throws SQLException {
        String sql = retain
                ? "UPDATE PARLEY.QUEUE_MESSAGES SET STATUS = " + RETAINED_RECEIVED + " WHERE QUEUING_ORDER = ?"
                : "DELETE FROM PARLEY.QUEUE_MESSAGES WHERE QUEUING_ORDER = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ReceivedMessage m : messages) {
                ps.setLong(1, m.queuingOrder());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Deletes every message of a conversation from this side's queues (R-CONV-17, R-OBJ-23), except
     * dead letters not yet received: they are the record of what failed, kept for whoever reads the
     * dead-letter queue even after the conversation has ended.
     */
    void deleteConversation(Connection c, ConversationHandle handle) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM PARLEY.QUEUE_MESSAGES WHERE HANDLE = ?"
                + " AND (DEAD_LETTER_SOURCE IS NULL OR STATUS <> " + READY + ")")) {
            ps.setString(1, handle.toString());
            ps.executeUpdate();
        }
    }

    /** Re-files a conversation's queued messages under another group (MOVE CONVERSATION). */
    void moveConversation(Connection c, ConversationHandle handle, ConversationGroupId group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE PARLEY.QUEUE_MESSAGES SET GROUP_ID = ? WHERE HANDLE = ?")) {
            ps.setString(1, group.toString());
            ps.setString(2, handle.toString());
            ps.executeUpdate();
        }
    }

    /** Counts one more rolled-back delivery of a message (R-CONV-28); false when the message is gone. */
    boolean countDelivery(Connection c, long queuingOrder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE PARLEY.QUEUE_MESSAGES SET DELIVERY_COUNT = DELIVERY_COUNT + 1 WHERE QUEUING_ORDER = ?")) {
            ps.setLong(1, queuingOrder);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Moves a ready message of queue {@code from} whose delivery count has reached
     * {@code maxDeliveries} into queue {@code to}, as a ready message there with a delivery count of
     * 0 that remembers {@code fromName} and the count it reached. One row moves, so the message can
     * never be received from both queues.
     *
     * @return whether the message was moved
     */
    boolean moveToDeadLetterQueue(Connection c, long queuingOrder, int from, String fromName, int to, int maxDeliveries)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE PARLEY.QUEUE_MESSAGES SET QUEUE_ID = ?,"
                + " DEAD_LETTER_SOURCE = ?, DEAD_LETTER_DELIVERIES = DELIVERY_COUNT, DELIVERY_COUNT = 0"
                + " WHERE QUEUING_ORDER = ? AND QUEUE_ID = ? AND STATUS = " + READY + " AND DELIVERY_COUNT >= ?")) {
            ps.setInt(1, to);
            ps.setString(2, fromName);
            ps.setLong(3, queuingOrder);
            ps.setInt(4, from);
            ps.setInt(5, maxDeliveries);
            return ps.executeUpdate() == 1;
        }
    }

    /** The id of a queue's row, which its messages carry. */
    int queueId(Connection c, String queueName) throws SQLException {
        Catalog current = catalog.get();
        QueueIds ids = queueIds;
        if (ids.snapshot() != current) {
            ids = new QueueIds(current);
            queueIds = ids;
        }
        Integer known = ids.byName().get(queueName);
        if (known != null) {
            return known;
        }
        int id = readQueueId(c, queueName);
        ids.byName().put(queueName, id);
        return id;
    }

    private static int readQueueId(Connection c, String queueName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM PARLEY.QUEUES WHERE NAME = ?")) {
            ps.setString(1, queueName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("queue '" + queueName + "' is in the catalog but not in the store");
                }
                return rs.getInt(1);
            }
        }
    }

    private static ReceivedMessage read(ResultSet rs) throws SQLException {
        String deadLetterSource = rs.getString(14);
        return new ReceivedMessage(rs.getInt(1), rs.getInt(2), rs.getLong(3), ConversationGroupId.parse(rs.getString(4)),
                ConversationHandle.parse(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getString(8),
                rs.getString(9), Validation.ofCode(rs.getString(10)), rs.getBytes(11), UUID.fromString(rs.getString(12)),
                rs.getInt(13), deadLetterSource == null ? null
                        : new ReceivedMessage.DeadLetter(deadLetterSource, rs.getInt(15)));
    }
}
