package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak watch the other transport tests rely on does see a buffer that was never released. */
class LeakWatchTest {
    static {
        LeakWatch.install();
    }

    @Test
    void aForgottenBufferIsReported() {
        LeakWatch.assertNoLeaks();
        leakOne();
        try {
            Await.until(() -> !LeakWatch.leaks().isEmpty(), () -> "the leak is reported");
            assertThat(LeakWatch.leaks()).singleElement().asString().contains("ByteBuf leaked").contains("leakOne");
        } finally {
            LeakWatch.forget();
        }
    }

    private static void leakOne() {
        ByteBufAllocator.DEFAULT.buffer(16).writeLong(42);
    }
}
