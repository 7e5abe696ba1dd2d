package io.parley.dialog;

import io.parley.store.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes {@code PARLEY.CONVERSATION_ENDPOINTS} rows on the caller's connection. */
final class EndpointTable {
    private static final String COLUMNS = "HANDLE, CONVERSATION_ID, IS_INITIATOR, GROUP_ID, SERVICE_NAME, CONTRACT_NAME,"
            + " FAR_SERVICE, FAR_BROKER_INSTANCE, BROKER_PICK, STATE, LIFETIME, DIALOG_TIMER, SEND_SEQUENCE,"
            + " RECEIVE_SEQUENCE, END_DIALOG_SEQUENCE, PRIORITY";

    void insert(Connection c, Endpoint e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PARLEY.CONVERSATION_ENDPOINTS (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.handle().toString());
            ps.setString(2, e.conversationId().toString());
            ps.setBoolean(3, e.initiator());
            ps.setString(4, e.group().toString());
            ps.setString(5, e.serviceName());
            ps.setString(6, e.contractName());
            ps.setString(7, e.farService());
            setUuid(ps, 8, e.farBrokerInstance());
            setUuid(ps, 9, e.brokerPick());
            ps.setString(10, e.state().code());
            UtcTimestamps.write(ps, 11, e.lifetime());
            UtcTimestamps.write(ps, 12, e.dialogTimer());
            ps.setLong(13, e.sendSequence());
            ps.setLong(14, e.receiveSequence());
            setLong(ps, 15, e.endDialogSequence());
            ps.setInt(16, e.priority());
            ps.executeUpdate();
        }
    }

    /**
     * Writes the columns a conversation's progress changes: state, sequence numbers and broker
     * binding. The group and the dialog timer are indexed and change rarely, so they have writers of
     * their own and an ordinary update leaves their index entries alone.
     */
    void update(Connection c, Endpoint e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE PARLEY.CONVERSATION_ENDPOINTS SET"
                + " FAR_BROKER_INSTANCE = ?, BROKER_PICK = ?, STATE = ?, SEND_SEQUENCE = ?,"
                + " RECEIVE_SEQUENCE = ?, END_DIALOG_SEQUENCE = ? WHERE HANDLE = ?")) {
            setUuid(ps, 1, e.farBrokerInstance());
            setUuid(ps, 2, e.brokerPick());
            ps.setString(3, e.state().code());
            ps.setLong(4, e.sendSequence());
            ps.setLong(5, e.receiveSequence());
            setLong(ps, 6, e.endDialogSequence());
            ps.setString(7, e.handle().toString());
            ps.executeUpdate();
        }
    }

    /** MOVE CONVERSATION: files the endpoint under another group. */
    void updateGroup(Connection c, ConversationHandle handle, ConversationGroupId group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE PARLEY.CONVERSATION_ENDPOINTS SET GROUP_ID = ? WHERE HANDLE = ?")) {
            ps.setString(1, group.toString());
            ps.setString(2, handle.toString());
            ps.executeUpdate();
        }
    }

    /** Sets the conversation timer (R-CONV-14), or clears it with null. */
    void updateDialogTimer(Connection c, ConversationHandle handle, Instant timer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE PARLEY.CONVERSATION_ENDPOINTS SET DIALOG_TIMER = ? WHERE HANDLE = ?")) {
            UtcTimestamps.write(ps, 1, timer);
            ps.setString(2, handle.toString());
            ps.executeUpdate();
        }
    }

    /**
     * Reads an endpoint to change it: the row stays locked against other writers until the
     * transaction ends, since {@link #update} writes back every column and an unlocked read would let
     * a concurrent change (a SEND's sequence number, an acknowledgement's broker binding) be lost.
     * Read stability (RS) keeps the lock on the row found and nothing else: serializable reads (RR)
     * also lock the gap where a missing row would go, and two arrivals of new dialogs then wait for
     * each other's gap to insert their endpoints until Derby's deadlock timeout breaks the cycle.
     */
    Optional<Endpoint> find(Connection c, ConversationHandle handle) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM PARLEY.CONVERSATION_ENDPOINTS WHERE HANDLE = ? FOR UPDATE WITH RS",
                handle.toString());
    }

    /** Reads an endpoint only to look at it, without keeping other writers out. */
    Optional<Endpoint> peek(Connection c, ConversationHandle handle) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM PARLEY.CONVERSATION_ENDPOINTS WHERE HANDLE = ?", handle.toString());
    }

    /**
     * The endpoint of one side of a conversation, the initiator's or the target's, locked for a
     * change like {@link #find(Connection, ConversationHandle)}.
     */
    Optional<Endpoint> find(Connection c, UUID conversationId, boolean initiator) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM PARLEY.CONVERSATION_ENDPOINTS WHERE CONVERSATION_ID = ? AND IS_INITIATOR = ? FOR UPDATE WITH RS")) {
            ps.setString(1, conversationId.toString());
            ps.setBoolean(2, initiator);
            return read(ps);
        }
    }

    void delete(Connection c, ConversationHandle handle) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM PARLEY.CONVERSATION_ENDPOINTS WHERE HANDLE = ?")) {
            ps.setString(1, handle.toString());
            ps.executeUpdate();
        }
    }

    private Optional<Endpoint> one(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return read(ps);
        }
    }

    private Optional<Endpoint> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long endDialog = rs.getLong(15);
            Long endDialogSequence = rs.wasNull() ? null : endDialog;
            return Optional.of(new Endpoint(
                    ConversationHandle.parse(rs.getString(1)),
                    UUID.fromString(rs.getString(2)),
                    rs.getBoolean(3),
                    ConversationGroupId.parse(rs.getString(4)),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    uuid(rs.getString(8)),
                    uuid(rs.getString(9)),
                    ConversationState.ofCode(rs.getString(10)),
                    UtcTimestamps.read(rs, 11),
                    UtcTimestamps.read(rs, 12),
                    rs.getLong(13),
                    rs.getLong(14),
                    endDialogSequence,
                    rs.getInt(16)));
        }
    }

    static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.CHAR);
        } else {
            ps.setString(index, value.toString());
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

}
