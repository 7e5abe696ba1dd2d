package io.parley.transport;

import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The accepting side of the handshake: waits for HELLO, and answers HELLO_ACCEPTED with the highest
 * protocol version both nodes speak, or REFUSED when there is none, when the node is talking to
 * itself, or when anything but HELLO comes first. Nothing else is read before the handshake.
 */
final class AcceptingHandshake extends HandshakeHandler {

    AcceptingHandshake(PeerPipeline pipeline, Duration timeout) {
        super(pipeline, timeout);
    }

    @Override
    void opened(ChannelHandlerContext ctx) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        PeerConnection connection = PeerConnection.of(ctx.channel());
        Frame frame = (Frame) msg;
        if (!(frame instanceof Hello hello)) {
            connection.refuse(CloseCause.HELLO_EXPECTED, "the first frame must be HELLO, not " + frame.type());
            return;
        }
        OptionalInt version = ProtocolVersion.highestCommon(hello.lowestVersion(), hello.highestVersion());
        if (version.isEmpty()) {
            connection.refuse(CloseCause.UNSUPPORTED_VERSION, "the peer speaks protocol versions " + hello.lowestVersion()
                    + ".." + hello.highestVersion() + " and this node speaks " + ProtocolVersion.spoken());
            return;
        }
        NodeIdentity own = pipeline.identity();
        if (hello.identity().instanceId().equals(own.instanceId())) {
            connection.refuse(CloseCause.SAME_NODE, "node '" + own.nodeName() + "' (instance " + own.instanceId()
                    + ") connected to itself");
            return;
        }
        // The link is registered before the peer hears of it, so both sides know it once the peer does.
        pipeline.enterSteadyState(ctx.channel(), hello.identity(), version.getAsInt(), hello.maxFrameSize(), true);
        ctx.channel().writeAndFlush(new HelloAccepted(version.getAsInt(), own, pipeline.maxFrameSize()));
        ctx.pipeline().remove(this);
    }

    @Override
    void timedOut(ChannelHandlerContext ctx) {
        PeerConnection.of(ctx.channel()).refuse(CloseCause.HANDSHAKE_TIMEOUT, "no HELLO within " + timeout.toMillis() + " ms");
    }
}
