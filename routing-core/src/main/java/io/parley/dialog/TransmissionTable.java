package io.parley.dialog;

import io.parley.catalog.SystemObjects;
import io.parley.store.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes the transmission queue ({@code PARLEY.TRANSMISSION_QUEUE}, R-PROTO-17): every outgoing
 * message that could not be put straight into its destination queue stays here, with the reason in
 * {@code transmission_status}, until it is delivered and acknowledged or its dialog ends.
 */
final class TransmissionTable {

    /** One outgoing message of a dialog. */
    record Row(Endpoint from, long sequence, String messageType, byte[] body, String status) {
    }

    void insert(Connection c, Row row, Instant now) throws SQLException {
        Endpoint e = row.from();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PARLEY.TRANSMISSION_QUEUE (HANDLE, CONVERSATION_ID,"
                + " IS_INITIATOR, TO_SERVICE_NAME, TO_BROKER_INSTANCE, FROM_SERVICE_NAME, CONTRACT_NAME, MESSAGE_TYPE,"
                + " SEQUENCE_NUMBER, IS_CONVERSATION_ERROR, IS_END_OF_DIALOG, MESSAGE_BODY, MESSAGE_ID, ENQUEUE_TIME,"
                + " PRIORITY, TRANSMISSION_STATUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.handle().toString());
            ps.setString(2, e.conversationId().toString());
            ps.setBoolean(3, e.initiator());
            ps.setString(4, e.farService());
            EndpointTable.setUuid(ps, 5, e.farBrokerInstance());
            ps.setString(6, e.serviceName());
            ps.setString(7, e.contractName());
            ps.setString(8, row.messageType());
            ps.setLong(9, row.sequence());
            ps.setBoolean(10, SystemObjects.ERROR.equals(row.messageType()));
            ps.setBoolean(11, SystemObjects.END_DIALOG.equals(row.messageType()));
            ps.setBytes(12, row.body() == null || row.body().length == 0 ? null : row.body());
            ps.setString(13, UUID.randomUUID().toString());
            UtcTimestamps.write(ps, 14, now);
            ps.setInt(15, e.priority());
            ps.setString(16, row.status());
            ps.executeUpdate();
        }
    }

    /** Deletes one row, once its message is acknowledged or given up. */
    void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM PARLEY.TRANSMISSION_QUEUE WHERE ID = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Records why a row's last attempt did not get it acknowledged (R-PROTO-18). */
    void setStatus(Connection c, long id, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE PARLEY.TRANSMISSION_QUEUE SET TRANSMISSION_STATUS = ? WHERE ID = ?")) {
            ps.setString(1, status);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Deletes every pending message of one side of a dialog (END, WITH CLEANUP: R-CONV-20, R-CONV-21). */
    void deleteAll(Connection c, ConversationHandle handle) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM PARLEY.TRANSMISSION_QUEUE WHERE HANDLE = ?")) {
            ps.setString(1, handle.toString());
            ps.executeUpdate();
        }
    }
}
