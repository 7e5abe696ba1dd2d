package io.parley.jms.context;

import static io.parley.jms.context.RuntimeExceptions.unchecked;

import io.parley.jms.session.ParleyConsumer;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;

/** A JMSConsumer over a session's consumer, with the receiveBody methods of the simplified API. */
final class ParleyJMSConsumer implements JMSConsumer {
    private final ParleyConsumer consumer;

    ParleyJMSConsumer(MessageConsumer consumer) {
        this.consumer = (ParleyConsumer) consumer;
    }

    @Override
    public String getMessageSelector() {
        return unchecked(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return unchecked(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        unchecked(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return unchecked(() -> consumer.receive());
    }

    @Override
    public Message receive(long timeout) {
        return unchecked(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return unchecked(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        unchecked(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return unchecked(() -> consumer.receiveBody(c, -1));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return unchecked(() -> consumer.receiveBody(c, timeout == 0 ? -1 : Math.max(1, timeout)));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return unchecked(() -> consumer.receiveBody(c, 0));
    }
}
