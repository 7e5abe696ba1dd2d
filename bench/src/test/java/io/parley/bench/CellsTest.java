package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void smallHeapFiguresKeepTheirBytesAndATinyShrinkReadsZero() {
        assertThat(Cells.bytes(7_123.4)).isEqualTo("7,123 B");
        assertThat(Cells.bytes(-12.6)).isEqualTo("-13 B");
        assertThat(Cells.bytes(-0.3)).isEqualTo("0 B");
    }

    @Test
    void largerHeapFiguresAreInKibibytesOrMebibytes() {
        assertThat(Cells.bytes(12 * 1024)).isEqualTo("12.0 KiB");
        assertThat(Cells.bytes(4.2 * 1024 * 1024)).isEqualTo("4.2 MiB");
        assertThat(Cells.bytes(-132.5 * 1024 * 1024)).isEqualTo("-132.5 MiB");
    }

    @Test
    void longLatenciesGroupTheirThousands() {
        assertThat(Cells.latency(Duration.ofNanos(1_093_960_000))).isEqualTo("1,093.96 ms");
        assertThat(Cells.latency(Duration.ofNanos(470_000))).isEqualTo("0.47 ms");
    }
}
