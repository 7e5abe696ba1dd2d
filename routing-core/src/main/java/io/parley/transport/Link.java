package io.parley.transport;

import io.netty.channel.Channel;
import io.netty.handler.codec.EncoderException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A connection to another node after a successful handshake: who the peer is and which brokers it
 * hosts, the protocol version agreed, and a way to send delivery frames and to learn when the link
 * has gone. Links that this node opened are reused per peer address by {@link Transport#connect};
 * links the peer opened carry the acknowledgements of the messages that came on them. Methods may
 * be called from any thread; stages complete on the link's I/O thread, so follow them with your
 * own executor for anything that blocks.
 */
public final class Link {
    private final Channel channel;
    private final PeerConnection connection;
    private final NodeIdentity peer;
    private final int protocolVersion;
    private final int peerMaxFrameSize;
    private final boolean accepted;
    private final Instant establishedAt = Instant.now();

    Link(Channel channel, PeerConnection connection, NodeIdentity peer, int protocolVersion, int peerMaxFrameSize,
         boolean accepted) {
        this.channel = channel;
        this.connection = connection;
        this.peer = peer;
        this.protocolVersion = protocolVersion;
        this.peerMaxFrameSize = peerMaxFrameSize;
        this.accepted = accepted;
    }

    /** The node at the other end and the brokers it hosts. */
    public NodeIdentity peer() {
        return peer;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    /** The largest frame the peer accepts; a larger one fails its send without harming the link. */
    public int peerMaxFrameSize() {
        return peerMaxFrameSize;
    }

    /** When the handshake completed. */
    public Instant establishedAt() {
        return establishedAt;
    }

    /** True when the peer opened this connection, false when this node did. */
    public boolean isAccepted() {
        return accepted;
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    public boolean isActive() {
        return channel.isActive();
    }

    /**
     * Writes {@code frame}; the stage completes once it has been handed to the operating system,
     * which says nothing about the peer having processed it, or fails with a {@link LinkException}.
     */
    public CompletionStage<Void> send(DeliveryFrame frame) {
        Objects.requireNonNull(frame, "frame");
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!channel.isActive()) {
            written.completeExceptionally(closedUnder(null));
            return written;
        }
        channel.writeAndFlush(frame).addListener(future -> {
            if (future.isSuccess()) {
                written.complete(null);
            } else {
                Throwable cause = future.cause() instanceof EncoderException e && e.getCause() != null ? e.getCause() : future.cause();
                written.completeExceptionally(cause instanceof LinkException ? cause : closedUnder(cause));
            }
        });
        return written;
    }

    /** Closes the link; {@link #closed()} completes with {@link CloseCause#CLOSED_LOCALLY} unless it had ended already. */
    public void close() {
        connection.closeLocally("closed by this node");
    }

    /** Completes with the cause once the link has closed, whichever side closed it. */
    public CompletionStage<CloseCause> closed() {
        return connection.closed();
    }

    private LinkException closedUnder(Throwable cause) {
        CloseCause reason = connection.outcome();
        return new LinkException(reason, "the " + this + " closed (" + reason + ") before the frame was written", cause);
    }

    @Override
    public String toString() {
        return "link " + (accepted ? "from " : "to ") + "node '" + peer.nodeName() + "' at " + channel.remoteAddress();
    }
}
