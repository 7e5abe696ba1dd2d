package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.Contract;
import io.parley.catalog.MessageType;
import io.parley.catalog.SentBy;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.SystemObjects;

/**
 * The checks SEND ON CONVERSATION makes against the catalog before a message gets its sequence
 * number (R-CONV-22..24, R-OBJ-19): the message type is the application's to send, part of the
 * dialog's contract and allowed in this direction, and the sender's own queue can take the copy
 * RETENTION asks for. Each failure is a {@link DialogException} with Service Broker's number.
 */
final class SendChecks {
    private SendChecks() {
    }

    static MessageType requireSendable(Catalog catalog, Endpoint endpoint, String messageType) {
        if (SystemObjects.isSystemMessageType(messageType) && !SystemObjects.DEFAULT.equals(messageType)) {
            throw new DialogException(8431, "'" + messageType + "' is a system message type, which only the broker sends");
        }
        Contract contract = catalog.contract(endpoint.contractName()).orElseThrow(() -> new DialogException(8425,
                "the contract '" + endpoint.contractName() + "' of conversation " + endpoint.handle() + " no longer exists"));
        SentBy sentBy = contract.sentBy(messageType).orElseThrow(() -> new DialogException(8431,
                "the message type '" + messageType + "' is not part of the contract '" + contract.name() + "'"));
        if (!sentBy.allows(endpoint.initiator())) {
            throw endpoint.initiator()
                    ? new DialogException(8432, "the message type '" + messageType + "' is SENT BY TARGET in contract '"
                            + contract.name() + "', and conversation " + endpoint.handle() + " is its initiator")
                    : new DialogException(8434, "the message type '" + messageType + "' is SENT BY INITIATOR in contract '"
                            + contract.name() + "', and conversation " + endpoint.handle() + " is its target");
        }
        return catalog.messageType(messageType).orElseThrow(() -> new DialogException(8428,
                "the message type '" + messageType + "' does not exist in this broker"));
    }

    /** R-OBJ-19: a sender whose own queue is OFF and keeps copies (RETENTION ON) may not send (9618). */
    static void requireOwnQueueUsable(Catalog catalog, Endpoint endpoint) {
        ServiceQueue own = ownQueue(catalog, endpoint);
        if (!own.enabled() && own.retention()) {
            throw new DialogException(9618, "the queue '" + own.name() + "' of service '" + endpoint.serviceName()
                    + "' is disabled and has RETENTION ON, so SEND on conversation " + endpoint.handle() + " is refused");
        }
    }

    static ServiceQueue ownQueue(Catalog catalog, Endpoint endpoint) {
        Service service = catalog.service(endpoint.serviceName()).orElseThrow(() -> new DialogException(8447,
                "the service '" + endpoint.serviceName() + "' of conversation " + endpoint.handle() + " no longer exists"));
        return catalog.queue(service.queueName()).orElseThrow();
    }
}
