package io.parley.jms.session;

import io.parley.jms.message.ParleyBytesMessage;
import io.parley.jms.message.ParleyMapMessage;
import io.parley.jms.message.ParleyMessage;
import io.parley.jms.message.ParleyObjectMessage;
import io.parley.jms.message.ParleyStreamMessage;
import io.parley.jms.message.ParleyTextMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.QueueSession;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;

/**
 * The parts of a session that need none of its state: creating messages, and refusing topics and subscriptions,
 * which Parley does not support yet. Each method first checks that the session is open, as the specification asks.
 */
abstract sealed class SessionDefaults implements QueueSession permits ParleySession {

    abstract void requireOpen() throws IllegalStateException;

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        requireOpen();
        return new ParleyBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        requireOpen();
        return new ParleyMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        requireOpen();
        return new ParleyMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        requireOpen();
        return new ParleyObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        requireOpen();
        return new ParleyObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        requireOpen();
        return new ParleyStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        requireOpen();
        return new ParleyTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        requireOpen();
        return new ParleyTextMessage(text);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name, String messageSelector) throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        requireOpen();
        throw Topics.unsupported();
    }
}
