package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenDialogsResultTest {
    private static final Measurement ANY = new Measurement(1, Duration.ofMillis(1), Duration.ZERO, Duration.ZERO, 1, 0);

    @Test
    void growthWhileTheFirstQuarterIsBegunDoesNotCountAgainstFlatness() {
        OpenDialogsResult result = new OpenDialogsResult(1_000, ANY,
                List.of(1_000_000L, 9_000_000L, 9_010_000L, 9_020_000L, 9_030_000L), ANY);

        assertThat(result.growthPerDialog()).isEqualTo(8_030.0);
        assertThat(result.growthPerDialogAfterFirstQuarter()).isEqualTo(40.0);
        assertThat(result.flat()).isTrue();
    }

    @Test
    void steadyGrowthAfterTheFirstQuarterIsNotFlat() {
        OpenDialogsResult result = new OpenDialogsResult(100_000, ANY,
                List.of(0L, 1_000_000L, 11_000_000L, 21_000_000L, 31_000_000L), ANY);

        assertThat(result.growthPerDialogAfterFirstQuarter()).isEqualTo(400.0);
        assertThat(result.flat()).isFalse();
    }

    @Test
    void growthExactlyAtTheThresholdIsNotFlat() {
        int dialogs = 4_000;
        long afterFirstQuarter = 5_000_000L;
        long growth = (long) OpenDialogsResult.FLAT_BYTES_PER_DIALOG * (dialogs - dialogs / 4);
        OpenDialogsResult result = new OpenDialogsResult(dialogs, ANY,
                List.of(0L, afterFirstQuarter, afterFirstQuarter, afterFirstQuarter, afterFirstQuarter + growth), ANY);

        assertThat(result.flat()).isFalse();
    }

    @Test
    void itTakesAReadingBeforeTheDialogsAndAfterEachQuarter() {
        assertThatThrownBy(() -> new OpenDialogsResult(1_000, ANY, List.of(1L, 2L, 3L, 4L), ANY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
