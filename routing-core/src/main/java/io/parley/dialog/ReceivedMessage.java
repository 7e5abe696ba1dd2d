package io.parley.dialog;

import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import java.util.UUID;

/**
 * One message as RECEIVE returns it, with the columns of a Service Broker queue (R-OBJ-21).
 * {@code body} is null for an empty body (R-OBJ-9); the array is the caller's to keep.
 * {@code deliveryCount} is how many transactions received the message from this queue and then
 * rolled back (R-CONV-28): 0 on its first delivery. {@code deadLetter} is null unless the message
 * was moved here by another queue's dead-letter policy.
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
        UUID messageId,
        int deliveryCount,
        DeadLetter deadLetter) {

    /**
     * Where a dead-lettered message came from: the queue whose dead-letter policy moved it, and the
     * delivery count it had reached there (its MAX_DELIVERIES). Its conversation handle, group,
     * sequence number, service, contract, type, body and message id are the original message's.
     */
    public record DeadLetter(String sourceQueue, int deliveryCount) {
    }

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
