package io.parley.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Artemis's journal-buffer-timeout for this disk, found the way {@code artemis create} finds it:
 * overwrite a pre-filled file with {@value #WRITES} blocks of {@value #BLOCK_BYTES} bytes, each
 * followed by a data sync (what the NIO journal does on commit), keep the fastest of {@value #TRIES}
 * tries, and use the time of one write. Artemis then waits at most that long to gather concurrent
 * commits into one sync; its 3.3 ms default would cap a committing sender at a few hundred msgs/s.
 *
 * @param perWrite  the timeout: the fastest try's time divided by the number of writes
 */
record JournalBufferTimeout(Duration perWrite) {
    static final int BLOCK_BYTES = 4096;
    static final int WRITES = 250;
    static final int TRIES = 5;

    /** Runs the test in {@code directory}, the journal's own, and removes its file afterwards. */
    static JournalBufferTimeout measure(Path directory) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
        while (block.hasRemaining()) {
            block.put((byte) 't');
        }
        try (FileChannel file = FileChannel.open(directory.resolve("journal-test.tmp"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            preFill(file);
            long fastest = Long.MAX_VALUE;
            for (int attempt = 0; attempt < TRIES; attempt++) {
                long started = System.nanoTime();
                for (int i = 0; i < WRITES; i++) {
                    writeFully(file, block, (long) i * BLOCK_BYTES);
                    file.force(false);
                }
                fastest = Math.min(fastest, System.nanoTime() - started);
            }
            return new JournalBufferTimeout(Duration.ofNanos(fastest / WRITES));
        }
    }

    /** The value for Artemis's configuration, in nanoseconds. */
    int nanos() {
        return Math.toIntExact(perWrite.toNanos());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "journal-buffer-timeout %,d ns (measured as artemis create does: "
                + "fastest of %d tries of %d synced %,d-byte writes)", nanos(), TRIES, WRITES, BLOCK_BYTES);
    }

    /** Like Artemis's journal files, the test file has its full size before any timed write. */
    private static void preFill(FileChannel file) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(BLOCK_BYTES);
        for (int i = 0; i < WRITES; i++) {
            writeFully(file, zeros, (long) i * BLOCK_BYTES);
        }
        file.force(true);
    }

    private static void writeFully(FileChannel file, ByteBuffer block, long position) throws IOException {
        block.rewind();
        long at = position;
        while (block.hasRemaining()) {
            at += file.write(block, at);
        }
    }
}
