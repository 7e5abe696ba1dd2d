package io.parley.dialog;

/**
 * The errors the broker itself puts on a dialog (§7.3): the negative code of the Error message body
 * and its description. Codes never change; the texts are those an operator searches for.
 */
public enum BrokerError {
    DIALOG_LIFETIME_EXCEEDED(-8489, "The dialog has exceeded the specified LIFETIME."),
    REMOTE_SERVICE_NOT_FOUND(-8490, "Cannot find the remote service '%s' because it does not exist."),
    CONTRACT_NOT_FOUND(-8425, "The service contract '%s' is not found."),
    CONTRACT_NOT_SUPPORTED(-8408, "Target service '%s' does not support contract '%s'."),
    MESSAGE_TYPE_NOT_FOUND(-8428, "The message type '%s' is not found."),
    MESSAGE_TYPE_NOT_IN_CONTRACT(-8498, "The message type '%s' is not part of the service contract '%s'."),
    VALIDATION_FAILED(-8430, "The message body failed the configured validation of message type '%s'."),
    XML_VALIDATION_FAILED(-9615, "A message of type '%s' failed XML validation on the target service."),
    INITIATOR_SENT_TARGET_TYPE(-8457, "The message received was sent by the initiator of the conversation, but the"
            + " message type '%s' is marked SENT BY TARGET in the contract."),
    TARGET_SENT_INITIATOR_TYPE(-8437, "The message received was sent by a target service, but the message type '%s'"
            + " is marked SENT BY INITIATOR in the contract.");

    private final int code;
    private final String text;

    BrokerError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The negative code carried in the Error message body (R-ERR-5). */
    public int code() {
        return code;
    }

    /** The description with the names filled in. */
    public String describe(Object... names) {
        return String.format(text, names);
    }
}
