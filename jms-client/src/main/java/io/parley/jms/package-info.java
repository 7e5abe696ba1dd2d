/**
 * Parley's Jakarta Messaging 3.1 provider, point to point: {@link io.parley.jms.ParleyConnectionFactory} is where an
 * application starts. A JMS queue is a Service Broker service; what travels and how is described in
 * {@code docs/jms-mapping.md}.
 */
package io.parley.jms;
