/**
 * The adjacent-broker protocol between nodes over TCP (semantics §5.1, R-PROTO-2): versioned,
 * length-prefixed frames, a handshake that agrees the protocol version and tells each node who the
 * other is, keep-alives, and one reused {@link io.parley.transport.Link} per peer address. A
 * {@link io.parley.transport.Transport} listens and connects; what arrives goes to an
 * {@link io.parley.transport.InboundFrames} listener. Netty and its buffers stay inside this
 * package: frames are immutable records with their bodies copied out. The wire format is
 * described byte by byte in the project's {@code docs/protocol.md}.
 */
package io.parley.transport;
