package io.parley.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A node's broker endpoint on the network (R-PROTO-1): it listens for other nodes, connects to
 * them, and keeps one {@link Link} per peer address it dials, dialling again on demand after a link
 * drops. Everything that arrives goes to the {@link InboundFrames} listener given at
 * {@link #start}. It runs on its own small set of daemon I/O threads, which {@link #close()} stops,
 * together with the listening port and every connection.
 */
public final class Transport implements AutoCloseable {
    private static final long SHUTDOWN_SECONDS = 5;

    private final TransportSettings settings;
    private final TransportCounters counters = new TransportCounters();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final PeerLinks<PeerAddress, Link> dialled = new PeerLinks<>(Link::isActive);
    private final NioEventLoopGroup acceptor;
    private final NioEventLoopGroup workers;
    private final PeerPipeline pipeline;
    private final Bootstrap dialer;
    private Channel listener;
    private volatile boolean closed;

    private Transport(TransportSettings settings, InboundFrames inbound) {
        this.settings = settings;
        String name = "parley-transport-" + settings.identity().nodeName();
        this.acceptor = new NioEventLoopGroup(1, threadsNamed(name + "-accept"));
        this.workers = new NioEventLoopGroup(settings.ioThreads(), threadsNamed(name + "-io"));
        this.pipeline = new PeerPipeline(settings, inbound, counters, this::register);
        this.dialer = new Bootstrap().group(workers).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
    }

    /**
     * Starts listening as {@code settings} say and returns once the port is bound.
     *
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    public static Transport start(TransportSettings settings, InboundFrames inbound) {
        Objects.requireNonNull(inbound, "inbound");
        Transport transport = new Transport(settings, inbound);
        transport.listen();
        return transport;
    }

    private void listen() {
        ServerBootstrap server = new ServerBootstrap().group(acceptor, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        track(channel);
                        pipeline.initAccepted(channel);
                    }
                });
        InetSocketAddress address = settings.listenHost() == null ? new InetSocketAddress(settings.listenPort())
                : new InetSocketAddress(settings.listenHost(), settings.listenPort());
        ChannelFuture bound = server.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDownThreads();
            Throwable cause = bound.cause();
            String message = "cannot listen on " + address + ": " + cause.getMessage();
            throw cause instanceof IOException io ? new UncheckedIOException(message, io) : new IllegalStateException(message, cause);
        }
        listener = bound.channel();
    }

    /** Where this node listens; with port 0 in the settings, the port the system chose. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Who this node says it is in its handshakes. */
    public NodeIdentity identity() {
        return settings.identity();
    }

    /**
     * The link to the node listening at {@code host:port}: the live one if there is one, the one
     * being set up if a connect is under way, or a new connection. The stage completes after the
     * handshake, or fails with a {@link LinkException}: {@link CloseCause#CONNECT_FAILED} when no TCP
     * connection could be made, {@link HandshakeRefusedException} with the peer's reason,
     * {@link CloseCause#HANDSHAKE_TIMEOUT}, or whatever closed the connection during the handshake.
     */
    public CompletionStage<Link> connect(String host, int port) {
        PeerAddress address = new PeerAddress(host, port);
        if (closed) {
            return CompletableFuture.failedStage(new LinkException(CloseCause.CLOSED_LOCALLY,
                    "cannot connect to " + address + ": the transport is closed"));
        }
        return dialled.linkTo(address, this::dial).copy();
    }

    private CompletableFuture<Link> dial(PeerAddress address) {
        CompletableFuture<Link> result = new CompletableFuture<>();
        Bootstrap bootstrap = dialer.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                track(channel);
                pipeline.initConnecting(channel, address, result);
            }
        });
        bootstrap.connect(address.host(), address.port()).addListener((ChannelFuture connecting) -> {
            if (!connecting.isSuccess()) {
                String detail = "cannot connect to " + address + ": " + connecting.cause().getMessage();
                PeerConnection connection = PeerConnection.of(connecting.channel());
                if (connection != null) {
                    connection.fail(CloseCause.CONNECT_FAILED, detail);
                    connection.ended();
                }
                result.completeExceptionally(new LinkException(CloseCause.CONNECT_FAILED, detail, connecting.cause()));
            }
        });
        return result;
    }

    /** The links established now, both those this node opened and those its peers opened. */
    public List<Link> links() {
        return List.copyOf(links);
    }

    public TransportCounters counters() {
        return counters;
    }

    /**
     * Stops listening, closes every connection and stops the I/O threads; returns when they have
     * stopped. Call it from a thread of your own, not from a listener or a stage callback.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        for (Channel channel : channels) {
            PeerConnection connection = PeerConnection.of(channel);
            if (connection != null) {
                connection.closeLocally("the transport is closing");
            } else {
                channel.close();
            }
        }
        shutDownThreads();
    }

    private void shutDownThreads() {
        acceptor.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        // The groups report termination a moment before their threads exit; joining makes close() mean it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2 * SHUTDOWN_SECONDS);
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0 && thread != Thread.currentThread()) {
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private ThreadFactory threadsNamed(String prefix) {
        return new DefaultThreadFactory(prefix, true) {
            @Override
            protected Thread newThread(Runnable task, String name) {
                Thread thread = super.newThread(task, name);
                threads.add(thread);
                return thread;
            }
        };
    }

    private void track(Channel channel) {
        channels.add(channel);
        channel.closeFuture().addListener(future -> channels.remove(channel));
    }

    private void register(Link link) {
        links.add(link);
        link.closed().whenComplete((cause, failure) -> links.remove(link));
    }

    @Override
    public String toString() {
        return "transport of node '" + settings.identity().nodeName() + "' at " + (listener == null ? "(not listening)" : localAddress());
    }
}
