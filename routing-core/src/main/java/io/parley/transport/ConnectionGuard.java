package io.parley.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;

/**
 * The last handler of every connection, where anything that went wrong ends up: a bad frame ends
 * the connection with REFUSED and its cause, an I/O error closes it, anything else is a defect,
 * logged with its stack trace. No exception goes past it into the event loop. It also sees the
 * connection close, which is when the connection is counted.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
        PeerConnection connection = PeerConnection.of(ctx.channel());
        Throwable cause = error instanceof DecoderException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof BadFrameException bad) {
            connection.refuse(bad.reason(), bad.getMessage());
        } else if (cause instanceof IOException) {
            connection.fail(CloseCause.CONNECTION_RESET, String.valueOf(cause.getMessage()));
            ctx.close();
        } else if (error instanceof DecoderException) {
            connection.refuse(CloseCause.MALFORMED_FRAME, String.valueOf(cause));
        } else {
            connection.fail(CloseCause.INTERNAL_ERROR, "unexpected " + error, error);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        PeerConnection.of(ctx.channel()).ended();
        ctx.fireChannelInactive();
    }
}
