package io.parley.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Cuts the byte stream into frames at their 4-byte big-endian length prefixes. A length above
 * this node's maximum fails the connection as soon as the prefix is read, before any of the frame
 * is buffered; the stream ending inside a frame is reported as a truncated frame. Each frame goes on
 * as a retained slice, which the next handler releases.
 */
final class FrameLengthDecoder extends LengthFieldBasedFrameDecoder {
    static final int LENGTH_BYTES = 4;
    private final int maxFrameSize;

    FrameLengthDecoder(int maxFrameSize) {
        super(ByteOrder.BIG_ENDIAN, maxFrameSize + LENGTH_BYTES, 0, LENGTH_BYTES, 0, LENGTH_BYTES, true);
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        long frameSize = buf.getUnsignedInt(offset);
        if (frameSize > maxFrameSize) {
            throw new BadFrameException(CloseCause.FRAME_TOO_LARGE, "a frame of " + frameSize
                    + " bytes is longer than this node's maximum of " + maxFrameSize);
        }
        return frameSize;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        PeerConnection connection = PeerConnection.of(ctx.channel());
        if (connection != null && connection.hasFailed()) {
            // The connection is ending: bytes still buffered behind a bad frame must not become frames.
            in.skipBytes(in.readableBytes());
            return null;
        }
        return super.decode(ctx, in);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            PeerConnection.of(ctx.channel()).fail(CloseCause.TRUNCATED_FRAME, "the connection ended "
                    + in.readableBytes() + " bytes into a frame");
            in.skipBytes(in.readableBytes());
        }
    }
}
