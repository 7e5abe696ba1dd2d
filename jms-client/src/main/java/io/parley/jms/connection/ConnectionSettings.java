package io.parley.jms.connection;

import java.util.Objects;

/**
 * What a connection works with on its node: the broker, the client service its sessions send from when a message
 * names no reply-to service (created with its queue on first use if missing), and the contract of the dialogs they
 * begin.
 */
public record ConnectionSettings(String broker, String clientService, String clientQueue, String contract) {
    public ConnectionSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(clientService, "clientService");
        Objects.requireNonNull(clientQueue, "clientQueue");
        Objects.requireNonNull(contract, "contract");
    }
}
