package io.parley.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import javax.net.ssl.SSLException;

/**
 * The last handler of every connection, where anything that went wrong ends up: a bad frame ends
 * the connection with REFUSED and its cause, a TLS failure or an I/O error closes it, anything else is a defect,
 * logged with its stack trace. No exception goes past it into the event loop. It also sees the
 * connection close, which is when the connection is counted.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
        PeerConnection connection = PeerConnection.of(ctx.channel());
        Throwable cause = error instanceof DecoderException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof SSLException || error instanceof NotSslRecordException) {
            connection.fail(CloseCause.TLS_FAILED, tlsProblem(cause));
            ctx.close();
        } else if (cause instanceof BadFrameException bad) {
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

    private static String tlsProblem(Throwable cause) {
        if (cause instanceof NotSslRecordException) {
            return "the peer does not speak TLS";
        }
        return "TLS failed: " + cause.getMessage();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        PeerConnection.of(ctx.channel()).ended();
        ctx.fireChannelInactive();
    }
}
