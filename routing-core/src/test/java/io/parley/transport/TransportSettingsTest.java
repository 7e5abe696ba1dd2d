package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Transport settings are refused, not clamped, with every problem named at once. */
class TransportSettingsTest {
    static {
        LeakWatch.install();
    }

    private final TransportSettings defaults = TransportSettings.of(Samples.identity("n"), Samples.LOOPBACK, 0);

    @Test
    void theDefaultsAreThoseTheProtocolDocumentGives() {
        assertThat(defaults.maxFrameSize()).isEqualTo(8 * 1024 * 1024);
        assertThat(defaults.keepaliveInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.silenceLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.security()).isSameAs(TransportSecurity.NONE);
    }

    @Test
    void aFrameLimitOutsideItsRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> defaults.withMaxFrameSize(1000)).hasMessage(
                "invalid value 1000 for transport setting maxFrameSize: must be within 65536..1073741824 bytes");
    }

    @Test
    void aSilenceLimitNoLongerThanTheKeepaliveIntervalIsRefused() {
        assertThatThrownBy(() -> defaults.withKeepalive(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .hasMessageContaining("invalid value PT5S for transport setting silenceLimit: must be longer than keepaliveInterval PT5S");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> new TransportSettings(Samples.identity("n"), " ", 70000, 1, Duration.ZERO,
                Duration.ofSeconds(-1), Duration.ofSeconds(1), Duration.ofSeconds(2), 0, TransportSecurity.NONE))
                .message().contains("listenHost", "listenPort", "maxFrameSize", "connectTimeout", "handshakeTimeout",
                        "ioThreads");
    }
}
