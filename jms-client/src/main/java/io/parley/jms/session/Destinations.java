package io.parley.jms.session;

import io.parley.jms.destination.ConversationDestination;
import io.parley.jms.destination.ParleyDestination;
import io.parley.jms.destination.ServiceDestination;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/** Turns the destinations applications pass in into Parley's, refusing what Parley cannot address. */
public final class Destinations {
    private Destinations() {
    }

    /**
     * The destination {@code Session.createQueue(name)} returns: a conversation for a {@code conversation:} name,
     * otherwise the service of that name.
     *
     * @throws InvalidDestinationException for a null or empty name or a malformed conversation name
     */
    public static ParleyDestination named(String name) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("a queue name (a service name) must not be " + (name == null ? "null"
                    : "empty"));
        }
        if (name.startsWith(ParleyDestination.CONVERSATION_PREFIX)) {
            try {
                return ConversationDestination.parse(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidDestinationException(e.getMessage(), name);
            }
        }
        return new ServiceDestination(name);
    }

    /**
     * {@code destination} as one of Parley's; another provider's queue is taken by its name.
     *
     * @throws InvalidDestinationException for null, a topic, or anything that is not a queue
     */
    static ParleyDestination of(Destination destination) throws JMSException {
        if (destination instanceof ParleyDestination parley) {
            return parley;
        }
        if (destination == null) {
            throw new InvalidDestinationException("the destination must not be null");
        }
        if (destination instanceof Topic) {
            throw new InvalidDestinationException("topics are not supported yet: " + destination);
        }
        if (destination instanceof Queue queue) {
            return named(queue.getQueueName());
        }
        throw new InvalidDestinationException(destination + " is not a queue; Parley has queues only");
    }
}
