package io.parley.jms.session;

import jakarta.jms.JMSException;

/** The one answer to anything about topics and subscriptions, until Parley has them. */
final class Topics {
    private Topics() {
    }

    static JMSException unsupported() {
        return new JMSException("topics are not supported yet: Parley offers queues (Service Broker services) only");
    }
}
