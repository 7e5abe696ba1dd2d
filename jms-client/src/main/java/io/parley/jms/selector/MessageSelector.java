package io.parley.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.selector.filter.BooleanExpression;
import org.apache.activemq.artemis.selector.filter.FilterException;
import org.apache.activemq.artemis.selector.filter.Filterable;
import org.apache.activemq.artemis.selector.impl.SelectorParser;

/**
 * A parsed message selector (Jakarta Messaging §3.8): the header fields a selector may name, read from the message,
 * and its properties. A message for which the selector is false or unknown does not match. A null or blank
 * selector matches every message, as the specification says.
 */
public final class MessageSelector {
    private static final MessageSelector EVERYTHING = new MessageSelector(null, null);

    private final String text;
    private final BooleanExpression expression;

    private MessageSelector(String text, BooleanExpression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Parses {@code selector}.
     *
     * @throws InvalidSelectorException naming the selector and what is wrong with it
     */
    public static MessageSelector parse(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        try {
            return new MessageSelector(selector, SelectorParser.parse(selector));
        } catch (FilterException | RuntimeException e) {
            InvalidSelectorException invalid = new InvalidSelectorException("invalid message selector \"" + selector
                    + "\": " + e.getMessage().replace('\n', ' ').strip());
            invalid.initCause(e);
            throw invalid;
        }
    }

    /** The selector as written, or null when it selects everything. */
    public String text() {
        return text;
    }

    public boolean selectsEverything() {
        return expression == null;
    }

    /** Whether {@code message} is selected; a selector that cannot be evaluated on it selects nothing. */
    public boolean matches(Message message) {
        if (expression == null) {
            return true;
        }
        try {
            return expression.matches(new MessageFields(message));
        } catch (FilterException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text == null ? "(every message)" : text;
    }

    /** What the selector parser sees of a message: the header fields §3.8.1.1 allows, then the properties. */
    private record MessageFields(Message message) implements Filterable {
        @Override
        public <T> T getBodyAs(Class<T> type) {
            return null;
        }

        @Override
        public Object getProperty(SimpleString name) {
            try {
                return field(name.toString());
            } catch (JMSException e) {
                return null;
            }
        }

        private Object field(String name) throws JMSException {
            return switch (name) {
                case "JMSDeliveryMode" -> message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT
                        ? "PERSISTENT" : "NON_PERSISTENT";
                case "JMSPriority" -> message.getJMSPriority();
                case "JMSMessageID" -> message.getJMSMessageID();
                case "JMSTimestamp" -> message.getJMSTimestamp();
                case "JMSCorrelationID" -> message.getJMSCorrelationID();
                case "JMSType" -> message.getJMSType();
                default -> message.getObjectProperty(name);
            };
        }

        @Override
        public Object getLocalConnectionId() {
            return null;
        }
    }
}
