package io.parley.transport;

import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The connecting side of the handshake: says HELLO as soon as the connection is open, then
 * completes {@code result} with the {@link Link} on HELLO_ACCEPTED, or fails it with the peer's
 * reason on REFUSED, with a timeout, or with whatever closed the connection first.
 */
final class ConnectingHandshake extends HandshakeHandler {
    private final String address;
    private final CompletableFuture<Link> result;

    ConnectingHandshake(PeerPipeline pipeline, Duration timeout, String address, CompletableFuture<Link> result) {
        super(pipeline, timeout);
        this.address = address;
        this.result = result;
    }

    @Override
    void opened(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new Hello(ProtocolVersion.LOWEST, ProtocolVersion.HIGHEST, pipeline.identity(),
                pipeline.maxFrameSize()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        PeerConnection connection = PeerConnection.of(ctx.channel());
        Frame frame = (Frame) msg;
        if (frame instanceof HelloAccepted accepted) {
            if (!ProtocolVersion.isSpoken(accepted.version())) {
                String detail = address + " chose protocol version " + accepted.version() + ", which this node does not speak";
                connection.refuse(CloseCause.UNSUPPORTED_VERSION, detail);
                result.completeExceptionally(new LinkException(CloseCause.UNSUPPORTED_VERSION, detail));
                return;
            }
            Link link = pipeline.enterSteadyState(ctx.channel(), accepted.identity(), accepted.version(),
                    accepted.maxFrameSize(), false);
            ctx.pipeline().remove(this);
            result.complete(link);
        } else if (frame instanceof Refused refused) {
            connection.fail(CloseCause.REFUSED_BY_PEER, "the peer refused the handshake: " + refused.text()
                    + " (" + refused.reason() + ")");
            ctx.close();
            result.completeExceptionally(new HandshakeRefusedException(address, refused.reason(), refused.text()));
        } else {
            String detail = "the answer to HELLO was " + frame.type() + ", not HELLO_ACCEPTED or REFUSED";
            connection.refuse(CloseCause.UNEXPECTED_FRAME, detail);
            result.completeExceptionally(new LinkException(CloseCause.UNEXPECTED_FRAME, address + ": " + detail));
        }
    }

    @Override
    void timedOut(ChannelHandlerContext ctx) {
        String detail = "no answer to HELLO within " + timeout.toMillis() + " ms";
        PeerConnection.of(ctx.channel()).refuse(CloseCause.HANDSHAKE_TIMEOUT, detail);
        result.completeExceptionally(new LinkException(CloseCause.HANDSHAKE_TIMEOUT, address + ": " + detail));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        PeerConnection connection = PeerConnection.of(ctx.channel());
        CloseCause cause = connection.outcome();
        String detail = connection.outcomeDetail();
        result.completeExceptionally(new LinkException(cause, "the connection to " + address
                + " closed during the handshake" + (detail == null ? "" : ": " + detail) + " (" + cause + ")"));
        super.channelInactive(ctx);
    }
}
