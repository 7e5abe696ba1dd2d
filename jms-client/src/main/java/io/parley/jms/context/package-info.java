/**
 * The simplified API: {@link io.parley.jms.context.ParleyJMSContext} with its producers and consumers, over a
 * connection and a session, throwing the {@code JMSRuntimeException} counterpart of each checked exception.
 */
package io.parley.jms.context;
