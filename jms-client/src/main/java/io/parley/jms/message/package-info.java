/**
 * Parley's Jakarta Messaging messages: {@link io.parley.jms.message.ParleyMessage} and its five body types, which
 * follow the Jakarta Messaging 3.1 message model to the letter (header fields, typed properties and their
 * conversions, read-only received messages, bytes and stream bodies with their read and write modes);
 * {@link io.parley.jms.message.ForeignMessages}, which turns any provider's message into a Parley one; and
 * {@link io.parley.jms.message.MessageCodec}, the versioned binary form a message travels in as the body of a
 * Service Broker dialog message (described byte by byte in {@code docs/jms-encoding.md}). Nothing here touches the
 * engine: the provider's sessions create, send and receive these messages.
 */
package io.parley.jms.message;
