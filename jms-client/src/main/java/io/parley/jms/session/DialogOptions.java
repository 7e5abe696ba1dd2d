package io.parley.jms.session;

import io.parley.jms.destination.ConversationDestination;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Conversations#begin} begins a dialog, beyond its target: the contract (the connection's by default), the
 * service it begins at (the connection's client service by default), its lifetime (the longest by default,
 * R-CONV-11), and a conversation whose group it joins (RELATED_CONVERSATION, R-CONV-32). Immutable; each
 * {@code with…} returns a changed copy.
 */
public record DialogOptions(String contract, String fromService, Duration lifetime, ConversationDestination relatedTo) {
    private static final DialogOptions DEFAULTS = new DialogOptions(null, null, null, null);

    public DialogOptions {
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
            throw new IllegalArgumentException("a dialog's lifetime must be positive, not " + lifetime);
        }
    }

    /** The connection's contract and client service, the longest lifetime, a group of its own. */
    public static DialogOptions defaults() {
        return DEFAULTS;
    }

    public DialogOptions withContract(String name) {
        return new DialogOptions(Objects.requireNonNull(name, "contract"), fromService, lifetime, relatedTo);
    }

    /** Begins the dialog at this service of the session's broker, where replies on it arrive. */
    public DialogOptions withFromService(String name) {
        return new DialogOptions(contract, Objects.requireNonNull(name, "fromService"), lifetime, relatedTo);
    }

    /** Errors the dialog on both sides if it is still open after {@code value} (R-CONV-12). */
    public DialogOptions withLifetime(Duration value) {
        return new DialogOptions(contract, fromService, Objects.requireNonNull(value, "lifetime"), relatedTo);
    }

    /** Puts the new dialog in the conversation group of {@code conversation}. */
    public DialogOptions withRelatedConversation(ConversationDestination conversation) {
        return new DialogOptions(contract, fromService, lifetime, Objects.requireNonNull(conversation, "relatedTo"));
    }
}
