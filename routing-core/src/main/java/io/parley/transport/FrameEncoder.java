package io.parley.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a {@link Frame} in the agreed protocol version into a buffer of exactly its size, which
 * the superclass passes on and Netty releases once written. A frame larger than the peer said it
 * accepts fails its own write with a {@link LinkException} and is never sent; the link stays up.
 */
final class FrameEncoder extends MessageToByteEncoder<Frame> {
    private final int version;
    private final int peerMaxFrameSize;

    FrameEncoder(int version, int peerMaxFrameSize) {
        super(Frame.class);
        this.version = version;
        this.peerMaxFrameSize = peerMaxFrameSize;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame frame, boolean preferDirect) throws LinkException {
        int length = FrameCodec.contentLength(frame);
        if (length > peerMaxFrameSize) {
            throw new LinkException(CloseCause.FRAME_TOO_LARGE, "a " + frame.type() + " frame of " + length
                    + " bytes is longer than the " + peerMaxFrameSize + " bytes the peer accepts");
        }
        return preferDirect ? ctx.alloc().ioBuffer(length) : ctx.alloc().heapBuffer(length);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        FrameCodec.encode(frame, version, out);
    }
}
