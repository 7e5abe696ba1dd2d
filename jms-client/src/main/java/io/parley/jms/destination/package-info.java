/**
 * Parley's destinations: a {@link io.parley.jms.destination.ServiceDestination} is a Service Broker service, a
 * {@link io.parley.jms.destination.ConversationDestination} is one side of a dialog (what a received message's
 * JMSReplyTo names, so that a reply goes back on the same dialog), and a
 * {@link io.parley.jms.destination.TemporaryServiceDestination} is a service and queue that live as long as the
 * connection that made them.
 */
package io.parley.jms.destination;
