package io.parley.delivery;

import io.parley.store.ViewRows;
import io.parley.transport.Link;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What delivery has done on each live link of the node, for the node's counterpart of Service
 * Broker's {@code sys.dm_broker_connections} (R-VIEW-7): messages sent and received, and the ACKs
 * and NACKs that answered them, per link and since it was established. Counting is safe from any
 * thread, the network's I/O threads included; a link's counts go when it closes.
 */
final class LinkActivity {
    /** The columns of {@link #view}. */
    static final List<String> COLUMNS = List.of("connection", "peer_node", "peer_address", "is_accept", "state",
            "connect_time", "last_activity_time", "messages_sent", "acks_received", "nacks_received",
            "messages_received", "acks_sent", "nacks_sent");

    private enum Count { MESSAGES_SENT, ACKS_RECEIVED, NACKS_RECEIVED, MESSAGES_RECEIVED, ACKS_SENT, NACKS_SENT }

    private static final class Counts {
        final AtomicLong[] values = new AtomicLong[Count.values().length];
        volatile Instant lastActivity;

        Counts() {
            for (int i = 0; i < values.length; i++) {
                values[i] = new AtomicLong();
            }
        }
    }

    private final Map<Link, Counts> byLink = new ConcurrentHashMap<>();

    void messageSent(Link link) {
        count(link, Count.MESSAGES_SENT);
    }

    void ackReceived(Link link) {
        count(link, Count.ACKS_RECEIVED);
    }

    void nackReceived(Link link) {
        count(link, Count.NACKS_RECEIVED);
    }

    void messageReceived(Link link) {
        count(link, Count.MESSAGES_RECEIVED);
    }

    void ackSent(Link link) {
        count(link, Count.ACKS_SENT);
    }

    void nackSent(Link link) {
        count(link, Count.NACKS_SENT);
    }

    private void count(Link link, Count what) {
        Counts counts = byLink.get(link);
        if (counts == null) {
            Counts fresh = new Counts();
            counts = byLink.putIfAbsent(link, fresh);
            if (counts == null) {
                counts = fresh;
                // Registered outside the map's update: the link may have closed already, and then this runs at once.
                link.closed().whenComplete((cause, failure) -> byLink.remove(link));
            }
        }
        counts.values[what.ordinal()].incrementAndGet();
        counts.lastActivity = Instant.now();
    }

    /** One row per link in {@code links}, the links established now, with what was counted on it. */
    ViewRows view(List<Link> links) {
        List<List<String>> rows = new ArrayList<>();
        for (Link link : links) {
            Counts counts = byLink.get(link);
            List<String> row = new ArrayList<>(List.of(link.toString(), link.peer().nodeName(),
                    String.valueOf(link.remoteAddress()), link.isAccepted() ? "1" : "0", link.isActive() ? "CONNECTED" : "CLOSED",
                    link.establishedAt().toString()));
            row.add(counts == null || counts.lastActivity == null ? null : counts.lastActivity.toString());
            for (Count what : Count.values()) {
                row.add(Long.toString(counts == null ? 0 : counts.values[what.ordinal()].get()));
            }
            rows.add(row);
        }
        return new ViewRows("broker_connections", COLUMNS, rows);
    }
}
