package io.parley.dialog;

import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import java.util.UUID;

/**
 * One message as RECEIVE returns it, with the columns of a Service Broker queue (R-OBJ-21).
 * {@code body} is null for an empty body (R-OBJ-9); the array is the caller's to keep.
 */
public record ReceivedMessage(
        int status,
        int priority,
        long queuingOrder,
        ConversationGroupId conversationGroupId,
        ConversationHandle conversationHandle,
        long messageSequenceNumber,
        String serviceName,
        String serviceContractName,
        String messageTypeName,
        Validation validation,
        byte[] body,
        UUID messageId) {

    /** True for the Error message of a dialog (R-ERR-1). */
    public boolean isError() {
        return SystemObjects.ERROR.equals(messageTypeName);
    }

    /** True for the EndDialog message of a dialog (R-ERR-2). */
    public boolean isEndDialog() {
        return SystemObjects.END_DIALOG.equals(messageTypeName);
    }

    /** True for a fired conversation timer (R-ERR-3). */
    public boolean isDialogTimer() {
        return SystemObjects.DIALOG_TIMER.equals(messageTypeName);
    }
}
