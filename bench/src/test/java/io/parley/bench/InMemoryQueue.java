package io.parley.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A transactional queue in memory, for testing the cases' loops without a disk: it remembers every
 * sender session it opened, how many messages each committed and whether it was closed. Single-threaded.
 */
class InMemoryQueue implements MessagingSystem {
    final Deque<byte[]> committed = new ArrayDeque<>();
    final List<Session> senders = new ArrayList<>();

    @Override
    public String description() {
        return "in memory";
    }

    @Override
    public Sender openSender() {
        Session session = new Session();
        senders.add(session);
        return session;
    }

    @Override
    public Receiver openReceiver() {
        return new Receiver() {
            private final List<byte[]> taken = new ArrayList<>();

            @Override
            public Optional<byte[]> receive(Duration maxWait) {
                byte[] body = committed.pollFirst();
                if (body != null) {
                    taken.add(body);
                }
                return Optional.ofNullable(body);
            }

            @Override
            public void commit() {
                taken.clear();
            }

            @Override
            public void close() {
                for (int i = taken.size() - 1; i >= 0; i--) {
                    committed.addFirst(taken.get(i));
                }
            }
        };
    }

    @Override
    public void close() {
    }

    /** One sender session and what became of it. */
    final class Session implements Sender {
        private final List<byte[]> pending = new ArrayList<>();
        int committedMessages;
        int commits;
        boolean closed;

        @Override
        public void send(byte[] body) {
            pending.add(body);
        }

        @Override
        public void commit() {
            committed.addAll(pending);
            committedMessages += pending.size();
            commits++;
            pending.clear();
        }

        @Override
        public void close() {
            pending.clear();
            closed = true;
        }
    }
}
