package io.parley.bench;

/**
 * The messaging cases, each a loop over {@link Sender} and {@link Receiver} that every
 * system runs unchanged: P1 sends with a commit per message, P2 commits every 100 sends, P3 runs a
 * producer and a consumer in parallel with a commit each, and P4 keeps one message in flight and
 * times send to receive. Each measures a given number of 1 KiB messages and leaves the queue empty.
 */
public enum Scenario {
    P1("P1 send, a commit per message, 1 thread", Figure.THROUGHPUT) {
        @Override
        Measurement measure(MessagingSystem system, int messages, Progress.Tracker tracker) throws Exception {
            return SendLoop.run(system, messages, 1, tracker);
        }
    },
    P2("P2 send, 100 messages per commit", Figure.THROUGHPUT) {
        @Override
        Measurement measure(MessagingSystem system, int messages, Progress.Tracker tracker) throws Exception {
            return SendLoop.run(system, messages, 100, tracker);
        }
    },
    P3("P3 one producer ‖ one consumer, a commit each", Figure.THROUGHPUT) {
        @Override
        Measurement measure(MessagingSystem system, int messages, Progress.Tracker tracker) throws Exception {
            return ProducerConsumer.run(system, messages, tracker);
        }
    },
    P4("P4 one message in flight, send → receive", Figure.MEDIAN_LATENCY) {
        @Override
        Measurement measure(MessagingSystem system, int messages, Progress.Tracker tracker) throws Exception {
            return OneInFlight.run(system, messages, tracker);
        }
    };

    /** Every message in every case has a body of this many bytes. */
    public static final int BODY_BYTES = 1024;

    private final String title;
    private final Figure figure;

    Scenario(String title, Figure figure) {
        this.title = title;
        this.figure = figure;
    }

    /** The row label in the table. */
    public String title() {
        return title;
    }

    /** The figure the target for this case is stated in, and that its ratios compare. */
    public Figure figure() {
        return figure;
    }

    /** Runs the case once for {@code messages} messages and drains what is left. */
    abstract Measurement measure(MessagingSystem system, int messages, Progress.Tracker tracker) throws Exception;

    /** A fresh 1 KiB body; the bytes vary so no layer can get away with compressing them. */
    static byte[] newBody() {
        byte[] body = new byte[BODY_BYTES];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + 7);
        }
        return body;
    }
}
