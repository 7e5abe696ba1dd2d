package io.parley.transport;

/**
 * One unit of the adjacent-broker protocol, as an immutable value: the handshake frames and
 * keep-alives, which stay inside this package, and the {@link DeliveryFrame}s the delivery layer
 * sends and receives. Encoding and decoding live in one place, {@code FrameCodec}; a frame holds
 * no buffer, so no reference count ever leaves the transport.
 */
public sealed interface Frame permits Hello, HelloAccepted, Refused, Keepalive, DeliveryFrame {

    /** The kind of frame, which decides its layout on the wire. */
    FrameType type();
}
