package io.parley.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Frames, identities and settings for the transport tests; every listener on 127.0.0.1. */
final class Samples {
    static final String LOOPBACK = "127.0.0.1";

    private Samples() {
    }

    static NodeIdentity identity(String name, UUID... brokers) {
        return new NodeIdentity(name, UUID.randomUUID(), Set.of(brokers));
    }

    /** Settings with short timeouts, so a test that waits for one fails fast instead of hanging. */
    static TransportSettings settings(NodeIdentity identity) {
        return TransportSettings.of(identity, LOOPBACK, 0)
                .withConnectTimeout(Duration.ofSeconds(5))
                .withHandshakeTimeout(Duration.ofSeconds(5));
    }

    static MessageKey key(long sequence) {
        return new MessageKey(UUID.randomUUID(), true, sequence);
    }

    static MessageFrame message(MessageKey key, String body) {
        return new MessageFrame(key,
                new Envelope("//Shop/Storefront", UUID.randomUUID(), "//Shop/Orders", null, "//Shop/OrderContract",
                        "//Shop/Order"),
                false, false, UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05.678Z"),
                Instant.parse("2094-01-19T03:14:07Z"), MessageFrame.DEFAULT_PRIORITY,
                ForwardingBudget.fresh(ForwardingBudget.DEFAULT_TIME_TO_LIVE), body.getBytes(StandardCharsets.UTF_8));
    }

    static MessageFrame message(long sequence, String body) {
        return message(key(sequence), body);
    }
}
