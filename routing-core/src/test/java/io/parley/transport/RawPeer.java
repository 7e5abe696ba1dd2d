package io.parley.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain {@link Socket} on 127.0.0.1 that writes whatever bytes a test likes and reads the
 * server's frames back with the codec: the misbehaving peer for the tests of bad input.
 */
final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    static RawPeer connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(15_000);
        return new RawPeer(socket);
    }

    /** A frame with its length prefix, as a node writes it. */
    static byte[] bytesOf(Frame frame) {
        ByteBuf buf = Unpooled.buffer();
        try {
            buf.writeInt(FrameCodec.contentLength(frame));
            FrameCodec.encode(frame, ProtocolVersion.FIRST, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    void write(Frame frame) throws IOException {
        write(bytesOf(frame));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Says HELLO as {@code identity} and returns the answer. */
    Frame hello(NodeIdentity identity) throws IOException {
        write(new Hello(ProtocolVersion.LOWEST, ProtocolVersion.HIGHEST, identity, TransportSettings.MIN_FRAME_SIZE));
        return read();
    }

    /** The next frame; fails at the end of the stream. */
    Frame read() throws IOException {
        int length = in.readInt();
        byte[] content = new byte[length];
        in.readFully(content);
        ByteBuf buf = Unpooled.wrappedBuffer(content);
        try {
            return FrameCodec.decode(buf, ProtocolVersion.FIRST);
        } finally {
            buf.release();
        }
    }

    /** Every frame until the server closes the connection. */
    List<Frame> readUntilClosed() throws IOException {
        List<Frame> frames = new ArrayList<>();
        while (true) {
            int first = in.read();
            if (first < 0) {
                return frames;
            }
            byte[] rest = new byte[3];
            in.readFully(rest);
            int length = (first << 24) | ((rest[0] & 0xff) << 16) | ((rest[1] & 0xff) << 8) | (rest[2] & 0xff);
            byte[] content = new byte[length];
            in.readFully(content);
            ByteBuf buf = Unpooled.wrappedBuffer(content);
            try {
                frames.add(FrameCodec.decode(buf, ProtocolVersion.FIRST));
            } finally {
                buf.release();
            }
        }
    }

    /** Sends FIN: the server sees the end of the stream while this side can still read. */
    void finishWriting() throws IOException {
        socket.shutdownOutput();
    }

    /** True once the server has closed its side. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (EOFException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
