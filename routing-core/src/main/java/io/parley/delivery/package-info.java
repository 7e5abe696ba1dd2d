/**
 * Moving messages out of transmission queues: the node's {@link io.parley.delivery.Transmitter}
 * routes each waiting message afresh at every attempt, delivers what is for a broker of this node,
 * records why the rest waits, and retries on the schedule of R-PROTO-14.
 */
package io.parley.delivery;
