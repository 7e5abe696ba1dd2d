package io.parley.jms.session;

import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import io.parley.dialog.ConversationGroupId;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.DialogException;
import io.parley.dialog.Receive;
import io.parley.dialog.ReceivedMessage;
import io.parley.jms.message.ParleyMessage;
import io.parley.jms.selector.MessageSelector;
import io.parley.store.Transaction;
import jakarta.jms.JMSException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds and takes the next message a consumer may have. The ready messages of the queue are read first, in RECEIVE's
 * order, through the read-only view {@code SB.QUEUE_MESSAGES}; only the next message of each conversation is a
 * candidate, since a dialog is delivered exactly once and in order (R-CONV-40). A candidate is passed over when it is
 * for another service of the queue, when another session holds its group, while the transaction that sent it is
 * open, before its JMSDeliveryTime, or when the selector does not select it; an expired one is taken and
 * dropped. The first that remains is taken with
 * RECEIVE … WHERE conversation_handle, which locks its group for the transaction. Should the conversation's next
 * message have changed meanwhile and no longer qualify, it is put back by rolling back to a savepoint.
 */
final class QueueScan {
    private static final int FIRST_PAGE = 256;
    private static final String HEADS = "SELECT QUEUING_ORDER, CONVERSATION_GROUP_ID, CONVERSATION_HANDLE,"
            + " MESSAGE_SEQUENCE_NUMBER, SERVICE_NAME, MESSAGE_TYPE_NAME FROM SB.QUEUE_MESSAGES"
            + " WHERE QUEUE_NAME = ? AND STATUS = 1 ORDER BY PRIORITY DESC, QUEUING_ORDER";
    private static final String ONE = "SELECT STATUS, PRIORITY, QUEUING_ORDER, CONVERSATION_GROUP_ID,"
            + " CONVERSATION_HANDLE, MESSAGE_SEQUENCE_NUMBER, SERVICE_NAME, SERVICE_CONTRACT_NAME, MESSAGE_TYPE_NAME,"
            + " VALIDATION, MESSAGE_BODY, MESSAGE_ID, DELIVERY_COUNT FROM SB.QUEUE_MESSAGES"
            + " WHERE QUEUE_NAME = ? AND QUEUING_ORDER = ? AND STATUS = 1";

    /** What a consumer reads: a queue, the service whose messages it wants from it, and its selector. */
    record Subscription(String queue, String service, MessageSelector selector) {
    }

    /** A message taken: as the engine returned it, and as the consumer gets it. */
    record Taken(ReceivedMessage received, ParleyMessage message) {
    }

    /** The outcome of one look: a message taken, or none and the earliest delivery time passed over (0: none). */
    record Outcome(Taken taken, long nextDeliveryTime) {
    }

    private final BrokerLink broker;

    QueueScan(BrokerLink broker) {
        this.broker = broker;
    }

    /** Takes the next message for {@code subscription} in {@code tx}, if there is one now. */
    Outcome takeNext(Transaction tx, Subscription subscription) throws JMSException {
        try {
            return scan(tx, subscription);
        } catch (SQLException e) {
            throw Errors.jms("read queue '" + subscription.queue() + "' of broker '" + broker.name() + "'", e);
        }
    }

    private Outcome scan(Transaction tx, Subscription subscription) throws SQLException, JMSException {
        long nextDeliveryTime = 0;
        int page = FIRST_PAGE;
        while (true) {
            Heads heads = heads(tx.connection(), subscription.queue(), page);
            boolean dropped = false;
            for (Head head : heads.byConversation().values()) {
                if (!head.service().equals(subscription.service())
                        || broker.claims().isClaimedByOther(head.group(), tx)) {
                    continue;
                }
                ReceivedMessage peeked = read(tx.connection(), subscription.queue(), head.queuingOrder());
                if (peeked == null) {
                    continue;
                }
                ParleyMessage message = ReceivedMessages.toJms(peeked);
                if (broker.isUncommitted(message.getJMSMessageID())) {
                    continue;
                }
                long now = System.currentTimeMillis();
                if (isExpired(peeked, message, now)) {
                    dropped |= dropExpired(tx, head);
                    continue;
                }
                if (message.getJMSDeliveryTime() > now) {
                    nextDeliveryTime = earliest(nextDeliveryTime, message.getJMSDeliveryTime());
                    continue;
                }
                if (!subscription.selector().matches(message)) {
                    continue;
                }
                Taken taken = take(tx, head, subscription.selector());
                if (taken != null) {
                    return new Outcome(taken, 0);
                }
            }
            if (dropped) {
                page = FIRST_PAGE;
            } else if (heads.truncated()) {
                page = page > Integer.MAX_VALUE / 8 ? Integer.MAX_VALUE : page * 8;
            } else {
                return new Outcome(null, nextDeliveryTime);
            }
        }
    }

    /** Takes the head's conversation's next message if it is still deliverable and selected. */
    private Taken take(Transaction tx, Head head, MessageSelector selector) throws SQLException, JMSException {
        Attempt attempt = receiveNext(tx, head);
        if (attempt == null) {
            return null;
        }
        long now = System.currentTimeMillis();
        ParleyMessage message = attempt.message();
        if (isExpired(attempt.received(), message, now)) {
            attempt.keep();
            return null;
        }
        if (message.getJMSDeliveryTime() > now || !selector.matches(message)) {
            attempt.putBack();
            return null;
        }
        attempt.keep();
        return new Taken(attempt.received(), message);
    }

    /** Takes and drops the head's conversation's next message if it has expired; true when one was dropped. */
    private boolean dropExpired(Transaction tx, Head head) throws SQLException, JMSException {
        Attempt attempt = receiveNext(tx, head);
        if (attempt == null) {
            return false;
        }
        if (isExpired(attempt.received(), attempt.message(), System.currentTimeMillis())) {
            attempt.keep();
            return true;
        }
        attempt.putBack();
        return false;
    }

    /** A message taken after a savepoint, which keeping releases and putting back rolls back to. */
    private record Attempt(Connection connection, Savepoint savepoint, ReceivedMessage received,
                           ParleyMessage message) {
        void keep() throws SQLException {
            connection.releaseSavepoint(savepoint);
        }

        void putBack() throws SQLException {
            connection.rollback(savepoint);
        }
    }

    private Attempt receiveNext(Transaction tx, Head head) throws SQLException, JMSException {
        if (!broker.claims().tryClaim(head.group(), tx, () -> broker.dialogs().queueWaits().wake(head.queue()))) {
            return null;
        }
        Connection c = tx.connection();
        Savepoint before = c.setSavepoint();
        List<ReceivedMessage> received;
        try {
            received = broker.dialogs().receive(tx, Receive.from(head.queue()).conversation(head.handle()).top(1));
        } catch (DialogException e) {
            c.rollback(before);
            return null;
        }
        if (received.isEmpty()) {
            c.releaseSavepoint(before);
            return null;
        }
        return new Attempt(c, before, received.get(0), ReceivedMessages.toJms(received.get(0)));
    }

    static boolean isExpired(ReceivedMessage received, ParleyMessage message, long now) {
        long expiration = message.getJMSExpiration();
        return !ReceivedMessages.isSystem(received) && expiration != 0 && expiration <= now;
    }

    private static long earliest(long current, long candidate) {
        return current == 0 ? candidate : Math.min(current, candidate);
    }

    private record Head(String queue, long queuingOrder, ConversationGroupId group, ConversationHandle handle,
                        long sequence, int rank, String service) {
        boolean before(Head other) {
            return rank != other.rank ? rank < other.rank : sequence < other.sequence;
        }
    }

    private record Heads(Map<ConversationHandle, Head> byConversation, boolean truncated) {
    }

    /** The next message of each conversation among the first {@code rows} ready messages, in RECEIVE's order. */
    private Heads heads(Connection c, String queue, int rows) throws SQLException {
        Map<ConversationHandle, Head> heads = new LinkedHashMap<>();
        int read = 0;
        try (PreparedStatement ps = c.prepareStatement(HEADS + broker.dirtyRead())) {
            ps.setMaxRows(rows);
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read++;
                    Head head = new Head(queue, rs.getLong(1), ConversationGroupId.parse(rs.getString(2)),
                            ConversationHandle.parse(rs.getString(3)), rs.getLong(4), rank(rs.getString(6)),
                            rs.getString(5));
                    heads.merge(head.handle(), head, (first, next) -> next.before(first) ? next : first);
                }
            }
        }
        return new Heads(heads, read == rows);
    }

    /** R-CONV-30: a conversation's DialogTimer comes first, then an Error, then the rest in sequence order. */
    private static int rank(String messageType) {
        if (SystemObjects.DIALOG_TIMER.equals(messageType)) {
            return 0;
        }
        return SystemObjects.ERROR.equals(messageType) ? 1 : 2;
    }

    /** The ready message at {@code queuingOrder}, as RECEIVE would return it, or null when it is gone. */
    private ReceivedMessage read(Connection c, String queue, long queuingOrder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ONE + broker.dirtyRead())) {
            ps.setString(1, queue);
            ps.setLong(2, queuingOrder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    /** Reads a row of {@code ONE}'s columns. */
    static ReceivedMessage row(ResultSet rs) throws SQLException {
        return new ReceivedMessage(rs.getInt(1), rs.getInt(2), rs.getLong(3),
                ConversationGroupId.parse(rs.getString(4)), ConversationHandle.parse(rs.getString(5)), rs.getLong(6),
                rs.getString(7), rs.getString(8), rs.getString(9), Validation.ofCode(rs.getString(10)),
                rs.getBytes(11), UUID.fromString(rs.getString(12)), rs.getInt(13), null);
    }

    /** Every ready message of {@code queue} for {@code service}, in RECEIVE's order, without taking any. */
    static List<ReceivedMessage> readyMessages(Connection c, BrokerLink broker, String queue, String service)
            throws SQLException {
        List<ReceivedMessage> ready = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ONE.replace(" AND QUEUING_ORDER = ?", " AND SERVICE_NAME = ?")
                + " ORDER BY PRIORITY DESC, QUEUING_ORDER" + broker.dirtyRead())) {
            ps.setString(1, queue);
            ps.setString(2, service);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ready.add(row(rs));
                }
            }
        }
        return ready;
    }
}
