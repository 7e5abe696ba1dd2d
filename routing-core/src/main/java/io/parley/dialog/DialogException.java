package io.parley.dialog;

/**
 * A dialog operation refused because of the caller's input or the conversation's state: an unknown
 * handle, a message type the contract does not allow in this direction, a body that fails its
 * validation, a disabled queue. The message names the objects involved; {@link #errorNumber()} is
 * the Service Broker error number (e.g. 8426, 8429, 9617). Nothing of the refused operation is stored.
 */
public class DialogException extends RuntimeException {
    private final int errorNumber;

    public DialogException(int errorNumber, String message) {
        super(message + " (error " + errorNumber + ")");
        this.errorNumber = errorNumber;
    }

    public int errorNumber() {
        return errorNumber;
    }
}
