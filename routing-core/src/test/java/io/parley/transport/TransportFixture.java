package io.parley.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the socket tests: starts transports on 127.0.0.1, captures the transport's log, and
 * closes everything after each test; after the class, no buffer may have leaked.
 */
abstract class TransportFixture {
    static {
        LeakWatch.install();
    }

    private final List<Transport> started = new ArrayList<>();
    protected LogCapture log;

    @BeforeEach
    void captureLog() {
        log = LogCapture.start();
    }

    @AfterEach
    void closeTransports() {
        started.forEach(Transport::close);
        log.close();
    }

    @AfterAll
    static void noLeaks() {
        LeakWatch.assertNoLeaks();
    }

    protected Transport start(String name, InboundFrames inbound) {
        return start(name, inbound, UnaryOperator.identity());
    }

    protected Transport start(String name, InboundFrames inbound, UnaryOperator<TransportSettings> adjust) {
        return start(adjust.apply(Samples.settings(Samples.identity(name))), inbound);
    }

    protected Transport start(TransportSettings settings, InboundFrames inbound) {
        Transport transport = Transport.start(settings, inbound);
        started.add(transport);
        return transport;
    }

    protected static Link connect(Transport from, Transport to) throws Exception {
        return Await.result(from.connect(Samples.LOOPBACK, to.localAddress().getPort()));
    }
}
