/**
 * Parley's Jakarta Messaging messages: {@link io.parley.jms.message.ParleyMessage} and its five body types, which
 * follow the Jakarta Messaging 3.1 message model to the letter (header fields, typed properties and their
 * conversions, read-only received messages, bytes and stream bodies with their read and write modes), and
 * {@link io.parley.jms.message.ForeignMessages}, which turns any provider's message into a Parley one. Nothing here
 * touches the engine: the provider's sessions create, send and receive these messages.
 */
package io.parley.jms.message;
