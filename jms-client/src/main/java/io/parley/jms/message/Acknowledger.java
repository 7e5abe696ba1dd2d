package io.parley.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * What {@link Message#acknowledge()} does on a received message: the session that delivered the message sets one
 * with {@link ParleyMessage#setAcknowledger}, so that in CLIENT_ACKNOWLEDGE mode a call acknowledges everything the
 * session has consumed, and in the other modes it can ignore the call. A message without one ignores acknowledge.
 */
@FunctionalInterface
public interface Acknowledger {

    /** Acknowledges on behalf of {@code message}, on which the application called {@code acknowledge()}. */
    void acknowledge(Message message) throws JMSException;
}
