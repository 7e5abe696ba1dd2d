package io.parley.dialog;

import io.parley.catalog.SystemObjects;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One END CONVERSATION on one endpoint, in its three forms (R-CONV-16..21). Ending always clears
 * the endpoint's messages from this side's queue (R-CONV-17). While the peer is still there, plain
 * END sends an EndDialog after everything already queued (R-CONV-18) and WITH ERROR first drops
 * everything unsent, then sends an Error (R-CONV-19); the endpoint then waits in DO for the
 * acknowledgement, which a peer in this same broker gives at once. If the peer has already ended or
 * errored, nothing is sent and this side closes (R-CONV-20).
 */
final class Ending {
    private final Dialogs dialogs;
    private final Transaction tx;
    private final Connection c;
    private final Endpoint endpoint;

    Ending(Dialogs dialogs, Transaction tx, Connection c, ConversationHandle handle) throws SQLException {
        this.dialogs = dialogs;
        this.tx = tx;
        this.c = c;
        this.endpoint = dialogs.requireEndpoint(c, handle);
    }

    void plain() throws SQLException {
        requireNotEnded();
        lockGroup();
        dialogs.queues().deleteConversation(c, endpoint.handle());
        if (peerIsThere()) {
            sendAndWait(SystemObjects.END_DIALOG, null);
        } else {
            close();
        }
    }

    void withError(int code, String description) throws SQLException {
        requireNotEnded();
        lockGroup();
        dialogs.queues().deleteConversation(c, endpoint.handle());
        dialogs.transmissionTable().deleteAll(c, endpoint.handle());
        if (peerIsThere()) {
            sendAndWait(SystemObjects.ERROR, ErrorBody.of(code, description));
        } else {
            close();
        }
    }

    void cleanup() throws SQLException {
        lockGroup();
        dialogs.queues().deleteConversation(c, endpoint.handle());
        dialogs.transmissionTable().deleteAll(c, endpoint.handle());
        dialogs.endpoints().delete(c, endpoint.handle());
        dialogs.groups().deleteIfEmpty(c, endpoint.group());
    }

    /** R-CONV-9b: END on an endpoint that has already ended (DO, CD) fails with 8427. */
    private void requireNotEnded() {
        ConversationState state = endpoint.state();
        if (state == ConversationState.DISCONNECTED_OUTBOUND || state == ConversationState.CLOSED) {
            throw new DialogException(8427, "conversation " + endpoint.handle() + " is in state " + state.code()
                    + ": it has already ended");
        }
    }

    private void lockGroup() {
        dialogs.locks().lock(endpoint.group(), tx, Dialogs.lockTimeout());
    }

    /** The peer has heard of the dialog (something was sent) and has neither ended it nor errored it. */
    private boolean peerIsThere() {
        ConversationState state = endpoint.state();
        return state == ConversationState.CONVERSING || state == ConversationState.STARTED_INBOUND;
    }

    private void sendAndWait(String messageType, byte[] body) throws SQLException {
        long sequence = endpoint.sendSequence();
        Endpoint ending = endpoint.afterSend(ConversationState.DISCONNECTED_OUTBOUND).withEndDialogSequence(sequence);
        dialogs.endpoints().update(c, ending);
        Outbound.Result result = dialogs.outbound().send(tx, dialogs.catalog(), ending, sequence, messageType, body,
                dialogs.now());
        if (result != Outbound.Result.PENDING) {
            close();
        }
    }

    /**
     * DO→CD or DI/ER→CD (R-CONV-9). The initiator's endpoint goes at once; the target's stays as CD,
     * the record that rejects a replay of the dialog's first message (R-CONV-44).
     */
    private void close() throws SQLException {
        dialogs.transmissionTable().deleteAll(c, endpoint.handle());
        Endpoint current = dialogs.endpoints().find(c, endpoint.handle()).orElse(endpoint);
        if (endpoint.initiator()) {
            dialogs.endpoints().delete(c, endpoint.handle());
            dialogs.groups().deleteIfEmpty(c, endpoint.group());
        } else {
            dialogs.endpoints().update(c, current.withState(ConversationState.CLOSED));
        }
    }
}
