package io.parley.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The table of contents of a connection: which handlers it has, in which order, before and after
 * the handshake. Before: transport security if configured, the length decoder and prefixer, the
 * frame decoder and encoder for version 1, the handshake, and the guard. After: the decoder and
 * encoder for the agreed version and the peer's frame limit, idle detection and keep-alives, and
 * the dispatcher to the {@link InboundFrames} listener, still ahead of the guard.
 */
final class PeerPipeline {
    private static final String TLS = "tls";
    private static final String FRAME_LENGTH = "frame-length";
    private static final String LENGTH_PREFIX = "length-prefix";
    private static final String FRAME_DECODER = "frame-decoder";
    private static final String FRAME_ENCODER = "frame-encoder";
    private static final String HANDSHAKE = "handshake";
    private static final String IDLE = "idle";
    private static final String HEARTBEAT = "heartbeat";
    private static final String DISPATCH = "dispatch";
    private static final String GUARD = "guard";
    private static final LengthFieldPrepender LENGTH_PREPENDER = new LengthFieldPrepender(FrameLengthDecoder.LENGTH_BYTES);
    private static final ConnectionGuard CONNECTION_GUARD = new ConnectionGuard();

    private final TransportSettings settings;
    private final InboundFrames inbound;
    private final TransportCounters counters;
    private final Consumer<Link> established;

    PeerPipeline(TransportSettings settings, InboundFrames inbound, TransportCounters counters, Consumer<Link> established) {
        this.settings = settings;
        this.inbound = inbound;
        this.counters = counters;
        this.established = established;
    }

    NodeIdentity identity() {
        return settings.identity();
    }

    int maxFrameSize() {
        return settings.maxFrameSize();
    }

    /** Sets up a connection another node opened. */
    void initAccepted(SocketChannel channel) {
        PeerConnection.attach(channel, counters, "from " + channel.remoteAddress());
        install(channel, settings.security().forAccepted(channel.alloc()),
                new AcceptingHandshake(this, settings.handshakeTimeout()));
    }

    /** Sets up a connection this node opens to {@code address}; {@code result} gets the link. */
    void initConnecting(SocketChannel channel, PeerAddress address, CompletableFuture<Link> result) {
        PeerConnection.attach(channel, counters, "to " + address);
        install(channel, settings.security().forConnecting(channel.alloc(), address.host(), address.port()),
                new ConnectingHandshake(this, settings.handshakeTimeout(), address.toString(), result));
    }

    private void install(SocketChannel channel, Optional<SslHandler> tls, HandshakeHandler handshake) {
        ChannelPipeline p = channel.pipeline();
        tls.ifPresent(handler -> p.addLast(TLS, handler));
        p.addLast(FRAME_LENGTH, new FrameLengthDecoder(settings.maxFrameSize()));
        p.addLast(LENGTH_PREFIX, LENGTH_PREPENDER);
        p.addLast(FRAME_DECODER, new FrameDecoder(ProtocolVersion.FIRST));
        p.addLast(FRAME_ENCODER, new FrameEncoder(ProtocolVersion.FIRST, TransportSettings.MIN_FRAME_SIZE));
        p.addLast(HANDSHAKE, handshake);
        p.addLast(GUARD, CONNECTION_GUARD);
    }

    /** The handshake agreed {@code version} with {@code peer}: installs the steady state and returns the link. */
    Link enterSteadyState(Channel channel, NodeIdentity peer, int version, int peerMaxFrameSize, boolean accepted) {
        PeerConnection connection = PeerConnection.of(channel);
        Link link = new Link(channel, connection, peer, version, peerMaxFrameSize, accepted);
        ChannelPipeline p = channel.pipeline();
        p.replace(FRAME_DECODER, FRAME_DECODER, new FrameDecoder(version));
        p.replace(FRAME_ENCODER, FRAME_ENCODER, new FrameEncoder(version, peerMaxFrameSize));
        p.addBefore(GUARD, IDLE, new IdleStateHandler(settings.silenceLimit().toMillis(),
                settings.keepaliveInterval().toMillis(), 0, TimeUnit.MILLISECONDS));
        p.addBefore(GUARD, HEARTBEAT, new HeartbeatHandler(settings.silenceLimit()));
        p.addBefore(GUARD, DISPATCH, new InboundDispatcher(link, inbound));
        connection.linkedWith(peer, version);
        established.accept(link);
        return link;
    }
}
