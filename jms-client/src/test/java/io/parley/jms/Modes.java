package io.parley.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/** The four session modes, and how a test finishes a receive in each: commit, acknowledge, or nothing. */
enum Modes {
    AUTO(Session.AUTO_ACKNOWLEDGE),
    CLIENT(Session.CLIENT_ACKNOWLEDGE),
    DUPS_OK(Session.DUPS_OK_ACKNOWLEDGE),
    TRANSACTED(Session.SESSION_TRANSACTED);

    final int mode;

    Modes(int mode) {
        this.mode = mode;
    }

    /** Makes a send of {@code session} visible. */
    void sent(Session session) throws JMSException {
        if (this == TRANSACTED) {
            session.commit();
        }
    }

    /** Acknowledges a receive of {@code session}. */
    void received(Session session, Message message) throws JMSException {
        if (this == TRANSACTED) {
            session.commit();
        } else if (this == CLIENT) {
            message.acknowledge();
        }
    }
}
