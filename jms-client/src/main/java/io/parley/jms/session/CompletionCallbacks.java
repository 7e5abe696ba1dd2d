package io.parley.jms.session;

import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls the CompletionListeners of a session's asynchronous sends, in the order the sends completed, on one thread
 * of the session's own, never on the thread that sent (Jakarta Messaging §7.3). The session waits for them before it
 * commits, rolls back or closes, and refuses those calls from a listener itself.
 */
final class CompletionCallbacks {
    private static final System.Logger LOG = System.getLogger(CompletionCallbacks.class.getName());

    private final String session;
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private ExecutorService executor;
    private Future<?> last;

    CompletionCallbacks(String session) {
        this.session = session;
    }

    synchronized void completed(CompletionListener listener, Message message) {
        run(() -> listener.onCompletion(message));
    }

    synchronized void failed(CompletionListener listener, Message message, JMSException problem) {
        run(() -> listener.onException(message, problem));
    }

    private void run(Runnable callback) {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "parley-completions-" + session);
                t.setDaemon(true);
                thread.set(t);
                return t;
            });
        }
        last = executor.submit(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a CompletionListener of " + session + " threw; it is ignored", e);
            }
        });
    }

    /** Whether the caller is a CompletionListener of this session. */
    boolean isCallbackThread() {
        return Thread.currentThread() == thread.get();
    }

    /** Waits until every callback so far has run. */
    void awaitIdle() {
        Future<?> pending;
        synchronized (this) {
            pending = last;
        }
        if (pending != null && !isCallbackThread()) {
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.log(Level.DEBUG, "completion callback failed", e);
            }
        }
    }

    synchronized void shutdown() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
