/**
 * The benchmark harness: it runs the cases (P1 to P4) and its scale cases (S1, 100,000 open
 * dialogs; S2, 1,000,000 queued messages) against every system it can start, in one JVM and on one
 * disk, and prints msgs/s, p50 and p99 latency, heap figures and the ratio to ActiveMQ Artemis. A
 * system takes part by implementing {@link io.parley.bench.MessagingSystem}; embedded Artemis with a
 * tuned NIO journal is the peer, raw Derby used as a queue is the physical floor, and Parley's dialog
 * engine joins through the same interface.
 */
package io.parley.bench;
