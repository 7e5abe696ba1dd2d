package io.parley.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What both sides of the handshake share: a deadline that starts when the connection opens and is
 * cancelled when the handshake ends either way. A subclass reads the handshake frames; once it has
 * agreed a version it asks the {@link PeerPipeline} for the steady-state handlers and removes
 * itself, so no later handler needs to ask whether the handshake is over.
 */
abstract class HandshakeHandler extends ChannelInboundHandlerAdapter {
    protected final PeerPipeline pipeline;
    protected final Duration timeout;
    private ScheduledFuture<?> deadline;

    HandshakeHandler(PeerPipeline pipeline, Duration timeout) {
        this.pipeline = pipeline;
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> timedOut(ctx), timeout.toMillis(), TimeUnit.MILLISECONDS);
        opened(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelDeadline();
    }

    /** The connection is open: the connecting side says HELLO here. */
    abstract void opened(ChannelHandlerContext ctx);

    /** The handshake has not finished within {@link #timeout}. */
    abstract void timedOut(ChannelHandlerContext ctx);

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
