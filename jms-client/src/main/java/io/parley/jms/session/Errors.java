package io.parley.jms.session;

import io.parley.dialog.DialogException;
import io.parley.store.StoreException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.sql.SQLException;

/**
 * The JMS exception for each failure of the engine: a message type or body the dialog's contract refuses is a
 * {@link MessageFormatException}, an unknown or ended conversation an {@link InvalidDestinationException}, anything
 * else a {@link JMSException} with the Service Broker error number as its error code. The engine's message, which
 * names the objects involved, is kept, and the engine's exception is the cause.
 */
public final class Errors {
    private Errors() {
    }

    static JMSException jms(DialogException e) {
        JMSException jms = switch (e.errorNumber()) {
            case 8428, 8430, 8431, 8432, 8434 -> new MessageFormatException(e.getMessage(), code(e));
            case 8426, 8429 -> new InvalidDestinationException(e.getMessage(), code(e));
            default -> new JMSException(e.getMessage(), code(e));
        };
        jms.initCause(e);
        jms.setLinkedException(e);
        return jms;
    }

    static JMSException jms(String action, SQLException e) {
        JMSException jms = new JMSException("cannot " + action + ": " + e.getMessage(), e.getSQLState());
        jms.initCause(e);
        jms.setLinkedException(e);
        return jms;
    }

    /** Any exception the engine throws, as the JMS exception the caller should see. */
    public static JMSException jms(RuntimeException e) {
        if (e instanceof DialogException dialog) {
            return jms(dialog);
        }
        JMSException jms = new JMSException(e.getMessage(), e instanceof StoreException ? "store" : null);
        jms.initCause(e);
        jms.setLinkedException(e);
        return jms;
    }

    /** The exception for a call on a closed connection, session, producer, consumer or browser. */
    public static IllegalStateException closed(String what) {
        return new IllegalStateException("the " + what + " is closed");
    }

    private static String code(DialogException e) {
        return Integer.toString(e.errorNumber());
    }
}
