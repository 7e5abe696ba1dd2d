package io.parley.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * The last step of a link's steady state: hands each MESSAGE, ACK and NACK to the
 * {@link InboundFrames} listener together with the {@link Link} it came on, in arrival order; ends
 * the link when the peer sends REFUSED, and refuses a handshake frame arriving after the handshake.
 * A listener that throws is logged and the frame dropped; the link stays up.
 */
final class InboundDispatcher extends SimpleChannelInboundHandler<Frame> {
    private final Link link;
    private final InboundFrames inbound;

    InboundDispatcher(Link link, InboundFrames inbound) {
        super(Frame.class);
        this.link = link;
        this.inbound = inbound;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        PeerConnection connection = PeerConnection.of(ctx.channel());
        try {
            switch (frame.type()) {
                case MESSAGE -> inbound.onMessage(link, (MessageFrame) frame);
                case ACK -> inbound.onAck(link, (Ack) frame);
                case NACK -> inbound.onNack(link, (Nack) frame);
                case REFUSED -> {
                    Refused refused = (Refused) frame;
                    connection.fail(CloseCause.REFUSED_BY_PEER, "the peer ended the link: " + refused.text()
                            + " (" + refused.reason() + ")");
                    ctx.close();
                }
                default -> connection.refuse(CloseCause.UNEXPECTED_FRAME, "a " + frame.type()
                        + " frame after the handshake");
            }
        } catch (RuntimeException e) {
            connection.listenerFailed(frame, e);
        }
    }
}
