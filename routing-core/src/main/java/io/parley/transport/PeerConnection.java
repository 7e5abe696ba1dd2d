package io.parley.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TCP connection as this node sees it: a number and a description for the log, the first cause
 * that ended it, and its end. Each cause is logged at most once per connection, the first at its
 * own level and any later one (a consequence of the first) at DEBUG, and the connection is counted
 * once, when it has closed. Kept in a channel attribute; safe to use from any thread.
 */
final class PeerConnection {
    private static final System.Logger LOG = System.getLogger(PeerConnection.class.getPackageName());
    private static final AttributeKey<PeerConnection> KEY = AttributeKey.valueOf(PeerConnection.class, "connection");
    private static final AtomicLong NUMBERS = new AtomicLong();
    private static final int MAX_REFUSAL_CHARS = 1000;

    private final Channel channel;
    private final long number;
    private final TransportCounters counters;
    private final CompletableFuture<CloseCause> closed = new CompletableFuture<>();
    private final Set<CloseCause> logged = EnumSet.noneOf(CloseCause.class);
    private volatile String description;
    private CloseCause firstCause;
    private String firstDetail;
    private boolean ended;
    private boolean listenerFailureLogged;

    private PeerConnection(Channel channel, TransportCounters counters, String where) {
        this.channel = channel;
        this.number = NUMBERS.incrementAndGet();
        this.counters = counters;
        this.description = "connection " + number + " " + where;
    }

    /** Starts the record of {@code channel}; {@code where} reads "from /10.0.0.7:51234" or "to tcp://host:4022". */
    static PeerConnection attach(Channel channel, TransportCounters counters, String where) {
        PeerConnection connection = new PeerConnection(channel, counters, where);
        channel.attr(KEY).set(connection);
        return connection;
    }

    /** The record of {@code channel}, or null if it has none yet. */
    static PeerConnection of(Channel channel) {
        return channel.attr(KEY).get();
    }

    /** The handshake succeeded: from now on the log names the peer. */
    void linkedWith(NodeIdentity peer, int version) {
        description = "link " + number + " with node '" + peer.nodeName() + "' (" + channel.remoteAddress() + ")";
        counters.countEstablished();
        LOG.log(Level.INFO, "PRL-4020 " + description + " established in protocol version " + version + "; the peer hosts "
                + peer.brokerIds().size() + " brokers");
    }

    /** Records that {@code cause} is ending the connection, logging it if not yet logged; true when it is the first cause. */
    boolean fail(CloseCause cause, String detail) {
        return fail(cause, detail, null);
    }

    synchronized boolean fail(CloseCause cause, String detail, Throwable error) {
        boolean first = firstCause == null && !ended;
        if (first) {
            firstCause = cause;
            firstDetail = detail;
        }
        if (logged.add(cause)) {
            String message = cause.logId() + " " + description + " ended: " + detail + " (" + cause + "); " + cause.remedy();
            Level level = first ? cause.level() : Level.DEBUG;
            if (error == null) {
                LOG.log(level, message);
            } else {
                LOG.log(level, message, error);
            }
        }
        return first;
    }

    /** Ends the connection because of the peer: tells it why in a REFUSED frame, then closes. */
    void refuse(CloseCause cause, String detail) {
        if (fail(cause, detail) && channel.isActive()) {
            String text = detail.length() > MAX_REFUSAL_CHARS ? detail.substring(0, MAX_REFUSAL_CHARS) : detail;
            channel.writeAndFlush(new Refused(cause, text)).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** Ends the connection because this node chose to. */
    void closeLocally(String why) {
        fail(CloseCause.CLOSED_LOCALLY, why);
        channel.close();
    }

    synchronized boolean hasFailed() {
        return firstCause != null;
    }

    /** The first cause so far, or {@link CloseCause#PEER_CLOSED} when nothing went wrong on this side. */
    synchronized CloseCause outcome() {
        return firstCause != null ? firstCause : CloseCause.PEER_CLOSED;
    }

    /** What the first cause said about itself, or null when nothing went wrong on this side. */
    synchronized String outcomeDetail() {
        return firstDetail;
    }

    /** The connection is gone: it is counted under its first cause, once. */
    void ended() {
        CloseCause cause;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (firstCause == null) {
                fail(CloseCause.PEER_CLOSED, "the peer closed the connection");
            }
            ended = true;
            cause = firstCause;
        }
        counters.countEnded(cause);
        closed.complete(cause);
    }

    /** Completes with the cause once the connection has ended. */
    CompletionStage<CloseCause> closed() {
        return closed.minimalCompletionStage();
    }

    /** The inbound listener threw: logged in full the first time on this connection, at DEBUG after that. */
    void listenerFailed(Frame frame, RuntimeException error) {
        boolean first;
        synchronized (this) {
            first = !listenerFailureLogged;
            listenerFailureLogged = true;
        }
        LOG.log(first ? Level.WARNING : Level.DEBUG, "PRL-4021 " + description + ": the inbound listener failed on a "
                + frame.type() + " frame, which is dropped; the sender sends an unacknowledged message again", error);
    }

    @Override
    public String toString() {
        return description;
    }
}
