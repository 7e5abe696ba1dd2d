package io.parley.transport;

import java.util.Objects;
import java.util.UUID;

/**
 * The clear-text routing header of a dialog message (R-FWD-13): the sending service and broker,
 * the target service and, once the dialog is bound to one, the target broker, and the contract and
 * message type. Forwarders and the receiving node's routing read these without touching the body.
 * {@code toBroker} is null while the dialog has no broker id (R-ROUTE-12..14, R-ROUTE-27).
 */
public record Envelope(String fromService, UUID fromBroker, String toService, UUID toBroker, String contract,
                       String messageType) {

    public Envelope {
        FieldRules.name(fromService, "fromService");
        Objects.requireNonNull(fromBroker, "fromBroker");
        FieldRules.name(toService, "toService");
        FieldRules.name(contract, "contract");
        FieldRules.name(messageType, "messageType");
    }
}
