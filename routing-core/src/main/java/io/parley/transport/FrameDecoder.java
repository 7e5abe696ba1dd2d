package io.parley.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns one frame's bytes into a {@link Frame} record, expecting the protocol version agreed in the
 * handshake (version 1 until then). The superclass releases the frame's buffer after this returns;
 * nothing decoded refers to it.
 */
final class FrameDecoder extends MessageToMessageDecoder<ByteBuf> {
    private final int version;

    FrameDecoder(int version) {
        super(ByteBuf.class);
        this.version = version;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(FrameCodec.decode(frame, version));
    }
}
