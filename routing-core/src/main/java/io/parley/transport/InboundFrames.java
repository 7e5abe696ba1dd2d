package io.parley.transport;

/**
 * Where a {@link Transport} hands what arrives on its links, each frame with the {@link Link} it came
 * on. Calls come on the link's I/O thread, one at a time and in arrival order per link: return
 * quickly and never block. Store work belongs on the caller's own executor, and an {@link Ack} goes
 * back later with {@link Link#send}, only after the message has been committed (R-PROTO-13). The
 * same message may arrive more than once (resends, reconnects); recognising duplicates by
 * {@link MessageKey} is the receiver's job (R-PROTO-7). A method that throws is logged and its frame
 * dropped.
 */
public interface InboundFrames {

    /** A dialog message for a broker of this node, or one to forward. */
    void onMessage(Link link, MessageFrame message);

    /** The destination's acknowledgement of a message this node sent. */
    void onAck(Link link, Ack ack);

    /** The destination's refusal of a message this node sent. */
    void onNack(Link link, Nack nack);
}
