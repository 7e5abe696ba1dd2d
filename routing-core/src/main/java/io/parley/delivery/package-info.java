/**
 * Moving messages: the node's {@link io.parley.delivery.Transmitter} routes each waiting message
 * of its brokers' transmission queues afresh at every attempt, delivers what is for a broker of
 * this node, sends what is for a next hop over the network and keeps it until the destination
 * acknowledges, records why the rest waits, and retries on the schedule of R-PROTO-14; the
 * {@link io.parley.delivery.NetworkEndpoint} listens while the node's broker endpoint is STARTED;
 * and the reception accepts messages arriving from other nodes, acknowledging each only after its
 * broker has committed it. {@link io.parley.delivery.NodeDelivery} puts the three together.
 */
package io.parley.delivery;
