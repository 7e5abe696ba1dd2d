package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector at PARANOID, with every leak it reports kept here so that a test can fail
 * on it instead of a log line going unnoticed. Its factory must be in place before the first
 * buffer class is loaded, so every transport test class touches {@link #install()} first.
 */
final class LeakWatch {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            @SuppressWarnings("deprecation")
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
                return new ResourceLeakDetector<>(resource, samplingInterval) {
                    @Override
                    protected void reportTracedLeak(String resourceType, String records) {
                        LEAKS.add(resourceType + " leaked:" + records);
                    }

                    @Override
                    protected void reportUntracedLeak(String resourceType) {
                        LEAKS.add(resourceType + " leaked");
                    }
                };
            }
        });
    }

    private LeakWatch() {
    }

    static void install() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    /** Collects garbage and lets the detector look at what was collected; the leaks found so far. */
    static List<String> leaks() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                // Collected buffers reach the detector's queue on the JDK's reference handler thread, a little later.
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            // The detector reports collected, unreleased buffers when the next one is tracked.
            ByteBufAllocator.DEFAULT.buffer(8).release();
            ByteBufAllocator.DEFAULT.heapBuffer(8).release();
        }
        return List.copyOf(LEAKS);
    }

    static void assertNoLeaks() {
        assertThat(leaks()).as("ByteBufs never released").isEmpty();
    }

    static void forget() {
        LEAKS.clear();
    }
}
