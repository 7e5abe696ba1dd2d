package io.parley.dialog;

import io.parley.catalog.Service;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Conversation groups as stored (R-CONV-31..33): each bound to the service and queue of the side
 * that owns it. Groups are created by BEGIN DIALOG and by the first message of an incoming dialog,
 * and removed when their last conversation is gone.
 */
final class ConversationGroups {
    private final QueueTable queues;

    ConversationGroups(QueueTable queues) {
        this.queues = queues;
    }

    /** A group with a new random id. */
    ConversationGroupId create(Transaction tx, Service service) throws SQLException {
        ConversationGroupId id = ConversationGroupId.random();
        create(tx, id, service);
        return id;
    }

    /** A group with the id the application chose (RELATED_CONVERSATION_GROUP, R-CONV-32). */
    void create(Transaction tx, ConversationGroupId id, Service service) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO PARLEY.CONVERSATION_GROUPS (ID, SERVICE_NAME, QUEUE_ID) VALUES (?, ?, ?)")) {
            ps.setString(1, id.toString());
            ps.setString(2, service.name());
            ps.setInt(3, queues.queueId(c, service.queueName()));
            ps.executeUpdate();
        }
    }

    /** The service a group is bound to, if the group exists. */
    Optional<String> serviceOf(Connection c, ConversationGroupId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SERVICE_NAME FROM PARLEY.CONVERSATION_GROUPS WHERE ID = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Deletes the group once no endpoint belongs to it any more (R-CONV-33). */
    void deleteIfEmpty(Connection c, ConversationGroupId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM PARLEY.CONVERSATION_GROUPS WHERE ID = ?"
                + " AND NOT EXISTS (SELECT 1 FROM PARLEY.CONVERSATION_ENDPOINTS WHERE GROUP_ID = ?)")) {
            ps.setString(1, id.toString());
            ps.setString(2, id.toString());
            ps.executeUpdate();
        }
    }
}
