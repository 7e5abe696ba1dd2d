/**
 * JNDI for Java SE programs that look their connection factories and queues up by name, as with
 * other JMS providers: an {@code InitialContextFactory} that serves them from the properties given
 * to {@code new InitialContext(...)} or read from {@code jndi.properties}.
 */
package io.parley.jms.jndi;
