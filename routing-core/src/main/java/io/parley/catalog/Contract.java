package io.parley.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contract: the message types a dialog under it may carry and which side may send each
 * (R-OBJ-12). Its contents never change after creation. Message type names are keys compared
 * byte-exactly; iteration follows the order of the CREATE CONTRACT statement.
 */
public record Contract(String name, Map<String, SentBy> messageTypes) {
    public Contract {
        Names.require(name, "contract", Names.MAX_TYPE_OR_CONTRACT_LENGTH);
        Objects.requireNonNull(messageTypes, "messageTypes");
        messageTypes = Collections.unmodifiableMap(new LinkedHashMap<>(messageTypes));
    }

    /** Who may send the named message type under this contract, or empty if it is not part of it. */
    public Optional<SentBy> sentBy(String messageTypeName) {
        return Optional.ofNullable(messageTypes.get(messageTypeName));
    }

    /** True when at least one entry lets the initiator send, as every contract must (error 8492). */
    public boolean initiatorCanSend() {
        return messageTypes.values().stream().anyMatch(s -> s != SentBy.TARGET);
    }
}
