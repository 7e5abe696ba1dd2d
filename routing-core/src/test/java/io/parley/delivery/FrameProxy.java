package io.parley.delivery;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault injector between two nodes: a TCP proxy on 127.0.0.1 that passes the protocol's frames
 * through one by one (a 4-byte length, then version and type bytes, docs/protocol.md) and, when
 * told, throws away acknowledgements on their way back or cuts a connection in the middle of a
 * MESSAGE frame. It records when each MESSAGE frame passed toward the target.
 */
final class FrameProxy implements AutoCloseable {
    private static final int MESSAGE = 4;
    private static final int ACK = 5;

    final int port;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Instant> messagesPassed = new CopyOnWriteArrayList<>();
    private final AtomicInteger acksToDrop = new AtomicInteger();
    private final AtomicInteger cutsToMake = new AtomicInteger();
    private final AtomicInteger acksDropped = new AtomicInteger();
    private final AtomicInteger cutsMade = new AtomicInteger();
    private volatile boolean closed;

    FrameProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.port = FreePorts.pick();
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "frame-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Throws away the next {@code count} ACK frames from the target. */
    void dropAcks(int count) {
        acksToDrop.addAndGet(count);
    }

    /** Cuts the connection in the middle of each of the next {@code count} MESSAGE frames toward the target. */
    void cutMessages(int count) {
        cutsToMake.addAndGet(count);
    }

    int acksDropped() {
        return acksDropped.get();
    }

    int cutsMade() {
        return cutsMade.get();
    }

    /** When each whole MESSAGE frame passed toward the target. */
    List<Instant> messagesPassed() {
        return List.copyOf(messagesPassed);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket target;
                try {
                    target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException targetDown) {
                    closeQuietly(client);
                    continue;
                }
                sockets.add(client);
                sockets.add(target);
                pump(client, target, true);
                pump(target, client, false);
            } catch (IOException e) {
                if (!closed) {
                    sleepBriefly();
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardTarget) {
        Thread thread = new Thread(() -> {
            try (DataInputStream in = new DataInputStream(from.getInputStream())) {
                OutputStream out = to.getOutputStream();
                while (true) {
                    int length = in.readInt();
                    byte[] frame = new byte[length];
                    in.readFully(frame);
                    int type = length >= 2 ? frame[1] : -1;
                    if (towardTarget && type == MESSAGE && take(cutsToMake)) {
                        writeFrame(out, length, frame, length / 2);
                        cutsMade.incrementAndGet();
                        throw new IOException("cut in the middle of a frame");
                    }
                    if (!towardTarget && type == ACK && take(acksToDrop)) {
                        acksDropped.incrementAndGet();
                        continue;
                    }
                    writeFrame(out, length, frame, length);
                    if (towardTarget && type == MESSAGE) {
                        messagesPassed.add(Instant.now());
                    }
                }
            } catch (IOException ended) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "frame-proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static void writeFrame(OutputStream out, int length, byte[] frame, int bytes) throws IOException {
        out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        out.write(frame, 0, bytes);
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed by the other pump.
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        sockets.forEach(FrameProxy::closeQuietly);
    }
}
