package io.parley.transport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the {@link LeakWatch} in place before the first test of the module runs, whichever it is:
 * JUnit loads this extension through auto-detection (junit-platform.properties) when the run
 * starts. Nodes in the delivery tests start transports too, and the leak detector's factory only
 * takes effect if it is set before Netty's first buffer exists.
 */
public final class LeakWatchExtension implements BeforeAllCallback {

    public LeakWatchExtension() {
        LeakWatch.install();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LeakWatch.install();
    }
}
