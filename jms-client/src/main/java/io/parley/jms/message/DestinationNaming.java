package io.parley.jms.message;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;

/**
 * How {@link MessageCodec} turns a JMSReplyTo destination into the opaque string that travels with a message, and
 * that string back into a destination on the receiving side. The provider supplies it, because only the provider
 * knows what a reply-to names: a service, a dialog, or another provider's destination it cannot address at all.
 */
public interface DestinationNaming {

    /**
     * The string that stands for {@code destination} in an encoded message; never null.
     *
     * @throws JMSException when the destination cannot travel, e.g. {@code InvalidDestinationException} for another
     *     provider's destination
     */
    String nameOf(Destination destination) throws JMSException;

    /** The destination a decoded message's JMSReplyTo names, as {@link #nameOf} wrote it. */
    Destination destinationNamed(String name) throws JMSException;
}
