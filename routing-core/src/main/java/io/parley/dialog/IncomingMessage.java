package io.parley.dialog;

import java.time.Instant;
import java.util.UUID;

/**
 * One sequenced message of a dialog on its way to the receiving side (the dialog protocol's unit,
 * R-PROTO-5): which conversation and direction, its sequence number, the services and contract it
 * names, its type and body, the broker that sent it, and the dialog's lifetime, which both sides
 * track (R-CONV-11). A {@code null} body is Service Broker's NULL body (R-OBJ-9).
 */
public record IncomingMessage(
        UUID conversationId,
        boolean fromInitiator,
        long sequence,
        String toService,
        String fromService,
        UUID fromBroker,
        String contractName,
        String messageType,
        byte[] body,
        Instant lifetime) {
}
