/**
 * Parley's engine entry points: a {@link io.parley.Node} hosts brokers, each a
 * {@link io.parley.Broker} over its own store; {@link io.parley.NodeConfig} says what a node hosts.
 */
package io.parley;
