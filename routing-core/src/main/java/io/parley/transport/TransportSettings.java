package io.parley.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a node's {@link Transport} behaves: who the node is, where it listens ({@code listenHost} null
 * means every interface, as LISTENER_IP = ALL; port 0 takes any free port), the largest frame it
 * accepts, its timeouts, how often it sends keep-alives and how long a silent peer may stay, its I/O
 * threads, and its {@link TransportSecurity}. Start from {@link #of} and change one setting at a time;
 * every problem is reported at once, naming the setting and value, and nothing is clamped.
 */
public record TransportSettings(NodeIdentity identity, String listenHost, int listenPort, int maxFrameSize,
                                Duration connectTimeout, Duration handshakeTimeout, Duration keepaliveInterval,
                                Duration silenceLimit, int ioThreads, TransportSecurity security) {
    /** The smallest maximum frame size a node may set: every handshake frame fits in it. */
    public static final int MIN_FRAME_SIZE = 64 * 1024;
    public static final int MAX_FRAME_SIZE = 1024 * 1024 * 1024;
    public static final int DEFAULT_MAX_FRAME_SIZE = 8 * 1024 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(30);
    public static final int DEFAULT_IO_THREADS = 2;

    public TransportSettings {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(security, "security");
        List<String> problems = new ArrayList<>();
        if (listenHost != null && listenHost.isBlank()) {
            problems.add(invalid("listenHost", "'" + listenHost + "'", "give an IP address or host name, or null for every interface"));
        }
        if (listenPort < 0 || listenPort > 65535) {
            problems.add(invalid("listenPort", listenPort, "must be within 0..65535 (0 takes a free port)"));
        }
        if (maxFrameSize < MIN_FRAME_SIZE || maxFrameSize > MAX_FRAME_SIZE) {
            problems.add(invalid("maxFrameSize", maxFrameSize, "must be within " + MIN_FRAME_SIZE + ".." + MAX_FRAME_SIZE + " bytes"));
        }
        requirePositive("connectTimeout", connectTimeout, problems);
        requirePositive("handshakeTimeout", handshakeTimeout, problems);
        requirePositive("keepaliveInterval", keepaliveInterval, problems);
        requirePositive("silenceLimit", silenceLimit, problems);
        if (isPositive(keepaliveInterval) && isPositive(silenceLimit) && silenceLimit.compareTo(keepaliveInterval) <= 0) {
            problems.add(invalid("silenceLimit", silenceLimit, "must be longer than keepaliveInterval " + keepaliveInterval
                    + ", or a healthy peer would be taken for a silent one"));
        }
        if (ioThreads < 1) {
            problems.add(invalid("ioThreads", ioThreads, "must be at least 1"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The defaults, listening on {@code listenHost:listenPort}. */
    public static TransportSettings of(NodeIdentity identity, String listenHost, int listenPort) {
        return new TransportSettings(identity, listenHost, listenPort, DEFAULT_MAX_FRAME_SIZE, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_KEEPALIVE_INTERVAL, DEFAULT_SILENCE_LIMIT, DEFAULT_IO_THREADS,
                TransportSecurity.NONE);
    }

    public TransportSettings withListenPort(int port) {
        return new TransportSettings(identity, listenHost, port, maxFrameSize, connectTimeout, handshakeTimeout,
                keepaliveInterval, silenceLimit, ioThreads, security);
    }

    public TransportSettings withMaxFrameSize(int bytes) {
        return new TransportSettings(identity, listenHost, listenPort, bytes, connectTimeout, handshakeTimeout,
                keepaliveInterval, silenceLimit, ioThreads, security);
    }

    public TransportSettings withConnectTimeout(Duration timeout) {
        return new TransportSettings(identity, listenHost, listenPort, maxFrameSize, timeout, handshakeTimeout,
                keepaliveInterval, silenceLimit, ioThreads, security);
    }

    public TransportSettings withHandshakeTimeout(Duration timeout) {
        return new TransportSettings(identity, listenHost, listenPort, maxFrameSize, connectTimeout, timeout,
                keepaliveInterval, silenceLimit, ioThreads, security);
    }

    /** Keep-alives after {@code interval} without writing; the link closes after {@code silenceLimit} without reading. */
    public TransportSettings withKeepalive(Duration interval, Duration silenceLimit) {
        return new TransportSettings(identity, listenHost, listenPort, maxFrameSize, connectTimeout, handshakeTimeout,
                interval, silenceLimit, ioThreads, security);
    }

    public TransportSettings withIoThreads(int threads) {
        return new TransportSettings(identity, listenHost, listenPort, maxFrameSize, connectTimeout, handshakeTimeout,
                keepaliveInterval, silenceLimit, threads, security);
    }

    public TransportSettings withSecurity(TransportSecurity transportSecurity) {
        return new TransportSettings(identity, listenHost, listenPort, maxFrameSize, connectTimeout, handshakeTimeout,
                keepaliveInterval, silenceLimit, ioThreads, transportSecurity);
    }

    private static void requirePositive(String setting, Duration value, List<String> problems) {
        if (!isPositive(value)) {
            problems.add(invalid(setting, value, "must be a positive duration"));
        }
    }

    private static boolean isPositive(Duration value) {
        return value != null && !value.isNegative() && !value.isZero();
    }

    private static String invalid(String setting, Object value, String reason) {
        return "invalid value " + value + " for transport setting " + setting + ": " + reason;
    }
}
