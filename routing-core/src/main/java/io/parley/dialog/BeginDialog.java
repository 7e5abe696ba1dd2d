package io.parley.dialog;

import io.parley.catalog.SystemObjects;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * What BEGIN DIALOG asks for (R-CONV-2), built as a sentence:
 * {@code BeginDialog.from("//Shop/Storefront").to("//Shop/Orders").onContract("//Shop/OrderContract")}.
 * Without a contract the DEFAULT contract is used (R-OBJ-14); without a lifetime the dialog lives
 * 2^31−1 seconds (R-CONV-11).
 */
public record BeginDialog(
        String fromService,
        String toService,
        UUID toBrokerInstance,
        String contract,
        ConversationHandle relatedConversation,
        ConversationGroupId relatedGroup,
        Duration lifetime) {

    /** The longest LIFETIME, and the default (R-CONV-11). */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(Integer.MAX_VALUE);

    public BeginDialog {
        Objects.requireNonNull(fromService, "fromService");
        Objects.requireNonNull(toService, "toService");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(lifetime, "lifetime");
        if (relatedConversation != null && relatedGroup != null) {
            throw new IllegalArgumentException("give RELATED_CONVERSATION or RELATED_CONVERSATION_GROUP, not both");
        }
    }

    /** Starts a request from the initiating service. */
    public static Builder from(String fromService) {
        return new Builder(fromService);
    }

    public BeginDialog onContract(String name) {
        return new BeginDialog(fromService, toService, toBrokerInstance, name, relatedConversation, relatedGroup, lifetime);
    }

    /** Addresses one broker instance of the target service (TO SERVICE 'name', 'broker_guid'). */
    public BeginDialog toBroker(UUID brokerInstance) {
        return new BeginDialog(fromService, toService, brokerInstance, contract, relatedConversation, relatedGroup, lifetime);
    }

    /** Joins the group of an existing conversation (RELATED_CONVERSATION, R-CONV-32). */
    public BeginDialog relatedConversation(ConversationHandle handle) {
        return new BeginDialog(fromService, toService, toBrokerInstance, contract, handle, null, lifetime);
    }

    /** Joins the group with this id, creating it if needed (RELATED_CONVERSATION_GROUP, R-CONV-32). */
    public BeginDialog relatedGroup(ConversationGroupId group) {
        return new BeginDialog(fromService, toService, toBrokerInstance, contract, null, group, lifetime);
    }

    public BeginDialog lifetime(Duration value) {
        return new BeginDialog(fromService, toService, toBrokerInstance, contract, relatedConversation, relatedGroup, value);
    }

    /** The first half of a {@link BeginDialog}: who initiates. */
    public static final class Builder {
        private final String fromService;

        private Builder(String fromService) {
            this.fromService = fromService;
        }

        /** The target service name, compared byte-exactly (R-OBJ-1). */
        public BeginDialog to(String toService) {
            return new BeginDialog(fromService, toService, null, SystemObjects.DEFAULT, null, null, MAX_LIFETIME);
        }
    }
}
