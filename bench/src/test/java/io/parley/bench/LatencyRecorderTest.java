package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreTakenByNearestRankWhateverTheRecordingOrder() {
        LatencyRecorder recorder = new LatencyRecorder(100);
        for (int sample = 100; sample >= 1; sample--) {
            recorder.record(sample);
        }

        assertThat(recorder.percentile(50)).isEqualTo(Duration.ofNanos(50));
        assertThat(recorder.percentile(99)).isEqualTo(Duration.ofNanos(99));
        assertThat(recorder.percentile(100)).isEqualTo(Duration.ofNanos(100));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencyRecorder recorder = new LatencyRecorder(1);
        recorder.record(7);

        assertThat(recorder.percentile(50)).isEqualTo(Duration.ofNanos(7));
        assertThat(recorder.percentile(99)).isEqualTo(Duration.ofNanos(7));
    }

    @Test
    void onlyRecordedSamplesCount() {
        LatencyRecorder recorder = new LatencyRecorder(10);
        recorder.record(3);
        recorder.record(1);

        assertThat(recorder.percentile(50)).isEqualTo(Duration.ofNanos(1));
        assertThat(recorder.percentile(99)).isEqualTo(Duration.ofNanos(3));
    }

    @Test
    void noSamplesReadAsZero() {
        assertThat(new LatencyRecorder(10).percentile(50)).isEqualTo(Duration.ZERO);
    }
}
