package io.parley.delivery;

import io.parley.catalog.BrokerEndpoint;
import io.parley.catalog.EndpointState;
import io.parley.transport.InboundFrames;
import io.parley.transport.NodeIdentity;
import io.parley.transport.Transport;
import io.parley.transport.TransportSecurity;
import io.parley.transport.TransportSettings;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The node's broker endpoint on the network (R-PROTO-1): a {@link Transport} that runs exactly while
 * the node's endpoint is STARTED, listening on its LISTENER_PORT and LISTENER_IP (all interfaces
 * without one) and announcing the node's brokers in its handshakes. {@link #apply} follows every
 * change of the endpoint: STOPPED, DISABLED or no endpoint closes the transport with its links,
 * and a changed port or address starts it again. A port that cannot be bound is logged and tried
 * again every few seconds; meanwhile, as without an endpoint, nothing leaves or reaches the node
 * over the network.
 */
public final class NetworkEndpoint implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NetworkEndpoint.class.getName());
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(3);

    private record Listening(int port, String ip) {
        static Optional<Listening> of(Optional<BrokerEndpoint> endpoint) {
            return endpoint.filter(e -> e.state() == EndpointState.STARTED).map(e -> new Listening(e.listenerPort(), e.listenerIp()));
        }

        @Override
        public String toString() {
            return (ip == null ? "all interfaces" : ip) + ", port " + port;
        }
    }

    private final NodeIdentity identity;
    private final InboundFrames inbound;
    private final TransportSecurity security;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "parley-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private Optional<Listening> wanted = Optional.empty();
    private Listening running;
    private ScheduledFuture<?> retry;
    private volatile Transport transport;
    private boolean failedBefore;
    private boolean closed;

    /** An endpoint that does not listen until {@link #apply} is given a STARTED one; its connections use {@code security}. */
    public NetworkEndpoint(NodeIdentity identity, InboundFrames inbound, TransportSecurity security) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.security = Objects.requireNonNull(security, "security");
    }

    /** The transport while the endpoint is STARTED and listening; null otherwise. */
    public Transport transport() {
        return transport;
    }

    /** Who this node says it is in its handshakes. */
    public NodeIdentity identity() {
        return identity;
    }

    /** Makes the transport follow {@code endpoint}, the node's endpoint as its catalog now has it. */
    public synchronized void apply(Optional<BrokerEndpoint> endpoint) {
        if (closed) {
            return;
        }
        wanted = Listening.of(endpoint);
        if (wanted.isPresent() && wanted.get().equals(running)) {
            return;
        }
        stopRetrying();
        stopTransport();
        wanted.ifPresent(this::listen);
    }

    private void listen(Listening how) {
        try {
            transport = Transport.start(TransportSettings.of(identity, how.ip(), how.port()).withSecurity(security), inbound);
            running = how;
            failedBefore = false;
            LOG.log(Level.INFO, () -> "PRL-3110 node '" + identity.nodeName() + "' listens for other nodes on " + how
                    + (security == TransportSecurity.NONE ? " in plain TCP" : " with " + security));
        } catch (RuntimeException e) {
            // Said once as a warning; the retries every few seconds would otherwise flood the log.
            LOG.log(failedBefore ? Level.DEBUG : Level.WARNING, "PRL-3111 node '" + identity.nodeName() + "' cannot listen on " + how + ": "
                    + e.getMessage() + "; messages to and from other nodes wait until it can, tried again every "
                    + LISTEN_RETRY.toSeconds() + " s; free the port or ALTER ENDPOINT to another");
            failedBefore = true;
            retry = retries.schedule(this::listenAgain, LISTEN_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void listenAgain() {
        if (!closed && transport == null && wanted.isPresent()) {
            listen(wanted.get());
        }
    }

    private void stopRetrying() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private void stopTransport() {
        Transport current = transport;
        transport = null;
        running = null;
        if (current != null) {
            current.close();
            LOG.log(Level.INFO, () -> "PRL-3112 node '" + identity.nodeName() + "' stopped listening for other nodes");
        }
    }

    /** Stops listening and closes every link; returns when the transport's threads have stopped. */
    @Override
    public synchronized void close() {
        closed = true;
        stopRetrying();
        retries.shutdownNow();
        stopTransport();
    }
}
