package io.parley.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;

/**
 * The keep-alive policy over the idle events of the {@code IdleStateHandler} before it: when this
 * node has written nothing for the keep-alive interval it writes KEEPALIVE; when it has read
 * nothing for the silence limit it ends the link. Incoming keep-alives have done their job by
 * arriving and go no further.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {
    private final Duration silenceLimit;

    HeartbeatHandler(Duration silenceLimit) {
        this.silenceLimit = silenceLimit;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent idle)) {
            ctx.fireUserEventTriggered(event);
        } else if (idle.state() == IdleState.WRITER_IDLE) {
            // A keep-alive that cannot be written means a broken connection: the void promise
            // turns the failure into an exception for the guard.
            ctx.writeAndFlush(Keepalive.INSTANCE, ctx.voidPromise());
        } else if (idle.state() == IdleState.READER_IDLE) {
            PeerConnection.of(ctx.channel()).refuse(CloseCause.PEER_SILENT, "nothing arrived for "
                    + silenceLimit.toMillis() + " ms, not even a keep-alive");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Keepalive)) {
            ctx.fireChannelRead(msg);
        }
    }
}
