/**
 * Connections: {@link io.parley.jms.connection.ParleyConnection} and what it shares with others in the process, the
 * open nodes ({@link io.parley.jms.connection.SharedNodes}) and the client identifiers in use.
 */
package io.parley.jms.connection;
