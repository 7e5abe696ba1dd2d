package io.parley.transport;

/**
 * A frame of the dialog protocol carried over a {@link Link}: a {@link MessageFrame} travelling
 * to its destination broker, or the destination's {@link Ack} or {@link Nack} of one. These are the
 * only frames {@link Link#send(DeliveryFrame)} takes and {@link InboundFrames} receives.
 */
public sealed interface DeliveryFrame extends Frame permits MessageFrame, Ack, Nack {
}
