package io.parley.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a few threads of its own, one dialog at a time: tasks with the same conversation id
 * run one after the other in submission order, tasks of different dialogs in parallel. At most
 * {@code capacity} tasks wait or run at once; {@link #submit} refuses more rather than blocking,
 * because its callers are network I/O threads and a refused message simply comes again with its
 * sender's next retry (R-PROTO-14).
 */
final class DialogOrderedExecutor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DialogOrderedExecutor.class.getName());
    private final ExecutorService threads;
    private final int capacity;
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<UUID, Queue<Runnable>> waitingByDialog = new HashMap<>();

    DialogOrderedExecutor(String name, int threadCount, int capacity) {
        this.capacity = capacity;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(threadCount, factory);
    }

    /** Queues {@code task} behind the dialog's earlier ones; false when full or closed, and the task will not run. */
    boolean submit(UUID dialog, Runnable task) {
        if (queued.incrementAndGet() > capacity || threads.isShutdown()) {
            queued.decrementAndGet();
            return false;
        }
        synchronized (waitingByDialog) {
            Queue<Runnable> waiting = waitingByDialog.get(dialog);
            if (waiting != null) {
                waiting.add(task);
                return true;
            }
            waitingByDialog.put(dialog, new ArrayDeque<>());
        }
        try {
            threads.execute(() -> runInTurn(dialog, task));
            return true;
        } catch (RuntimeException rejected) {
            synchronized (waitingByDialog) {
                queued.addAndGet(-1 - waitingByDialog.remove(dialog).size());
            }
            return false;
        }
    }

    /** Runs the dialog's tasks until none is left; a task submitted meanwhile joins this run. */
    private void runInTurn(UUID dialog, Runnable first) {
        Runnable task = first;
        while (task != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // The dialog's later tasks must still run, or its queue would stay blocked for good.
                LOG.log(System.Logger.Level.ERROR, "PRL-3109 a task for dialog " + dialog + " failed", e);
            } finally {
                queued.decrementAndGet();
            }
            synchronized (waitingByDialog) {
                Queue<Runnable> waiting = waitingByDialog.get(dialog);
                task = waiting.poll();
                if (task == null) {
                    waitingByDialog.remove(dialog);
                }
            }
        }
    }

    /** Takes no more tasks, lets the running ones finish within {@code patience}, and drops the rest. */
    void close(Duration patience) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
