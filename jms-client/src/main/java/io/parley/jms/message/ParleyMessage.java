package io.parley.jms.message;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Objects;

/**
 * A Jakarta Messaging message with header fields and properties and no body, and the base of Parley's five body
 * types. Beyond the {@link Message} API the provider uses {@link #setAcknowledger} and {@link #markReceived} to put a
 * message in the state a consumer receives it in. A new message has delivery mode PERSISTENT, priority 4 and every
 * other header field unset. Like every Jakarta Messaging message it is not safe for concurrent use.
 */
public sealed class ParleyMessage implements Message
        permits ParleyBytesMessage, ParleyMapMessage, ParleyObjectMessage, ParleyStreamMessage, ParleyTextMessage {

    private String messageId;
    private long timestamp;
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DEFAULT_DELIVERY_MODE;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = DEFAULT_PRIORITY;
    private final MessageProperties properties = new MessageProperties();
    private boolean bodyReadOnly;
    private Acknowledger acknowledger;

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /**
     * The correlation ID as bytes: the bytes that were set, or the UTF-8 form of a String correlation ID, or null.
     */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    /** Sets the correlation ID as bytes, replacing a String one; the array is copied. */
    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationId) {
        this.correlationIdBytes = correlationId == null ? null : correlationId.clone();
        this.correlationId = null;
    }

    /** Sets the correlation ID as a String, replacing one set as bytes. */
    @Override
    public void setJMSCorrelationID(String correlationId) {
        this.correlationId = correlationId;
        this.correlationIdBytes = null;
    }

    /**
     * The String correlation ID, or null, also when the correlation ID was set as bytes: arbitrary bytes are not text.
     */
    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws MessageFormatException {
        return properties.getBoolean(name);
    }

    @Override
    public byte getByteProperty(String name) throws MessageFormatException {
        return properties.getByte(name);
    }

    @Override
    public short getShortProperty(String name) throws MessageFormatException {
        return properties.getShort(name);
    }

    @Override
    public int getIntProperty(String name) throws MessageFormatException {
        return properties.getInt(name);
    }

    @Override
    public long getLongProperty(String name) throws MessageFormatException {
        return properties.getLong(name);
    }

    @Override
    public float getFloatProperty(String name) throws MessageFormatException {
        return properties.getFloat(name);
    }

    @Override
    public double getDoubleProperty(String name) throws MessageFormatException {
        return properties.getDouble(name);
    }

    @Override
    public String getStringProperty(String name) throws MessageFormatException {
        return properties.getString(name);
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    /** Calls the acknowledger the delivering session set; does nothing on a message that has none. */
    @Override
    public void acknowledge() throws JMSException {
        if (acknowledger != null) {
            acknowledger.acknowledge(this);
        }
    }

    @Override
    public void clearBody() throws JMSException {
        clearBodyContent();
        bodyReadOnly = false;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Objects.requireNonNull(c, "c");
        Object body = bodyOrNull();
        if (body == null) {
            return null;
        }
        Class<?> bodyClass = assignableClass(body);
        if (!c.isAssignableFrom(bodyClass)) {
            throw new MessageFormatException("the body of this " + bodyType().interfaceName() + " is a "
                    + bodyClass.getTypeName() + ", which cannot be assigned to " + c.getTypeName());
        }
        return c.cast(body);
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) throws JMSException {
        Class<?> type = Objects.requireNonNull(c, "c");
        Object body = bodyOrNull();
        return body == null || type.isAssignableFrom(assignableClass(body));
    }

    /**
     * Sets what {@link #acknowledge()} calls; the delivering session sets it on each message it hands to a consumer.
     */
    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /**
     * Puts the message in the state Jakarta Messaging prescribes for a message a consumer receives: JMSXDeliveryCount
     * is {@code deliveryCount} and JMSRedelivered says whether it is above 1; properties and body are read-only until
     * cleared; a BytesMessage or StreamMessage is reset, ready to be read from its start.
     *
     * @param deliveryCount how many times the message has been delivered, this delivery included; at least 1
     */
    public void markReceived(int deliveryCount) throws JMSException {
        if (deliveryCount < 1) {
            throw new IllegalArgumentException("a delivery count starts at 1, not " + deliveryCount);
        }
        properties.put(JmsxProperty.DELIVERY_COUNT.propertyName(), deliveryCount);
        redelivered = deliveryCount > 1;
        properties.makeReadOnly();
        bodyReadOnly = true;
        rewind();
    }

    /**
     * As {@link #markReceived(int)}, and JMSXGroupID is {@code groupId}: the conversation group the message was
     * received from, which replaces whatever group id the sender gave.
     */
    public void markReceived(int deliveryCount, String groupId) throws JMSException {
        properties.put(JmsxProperty.GROUP_ID.propertyName(), Objects.requireNonNull(groupId, "groupId"));
        markReceived(deliveryCount);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[JMSMessageID=" + messageId + ", JMSType=" + type + "]";
    }

    /** The kind of message this is; each body type overrides it. */
    BodyType bodyType() {
        return BodyType.NONE;
    }

    /** The body as {@link #getBody} returns it, a copy the caller may keep, or null when there is no body. */
    Object bodyOrNull() throws JMSException {
        return null;
    }

    /** The class {@link #getBody}'s argument must be assignable from for {@code body}; a MapMessage says Map. */
    Class<?> assignableClass(Object body) {
        return body.getClass();
    }

    /** Empties the body; {@link #clearBody} then makes it writable. */
    void clearBodyContent() {
    }

    /** Moves a BytesMessage or StreamMessage back to the start of its body for reading. */
    void rewind() {
    }

    boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    void makeBodyReadOnly() {
        bodyReadOnly = true;
    }

    /** Refuses a change to the body of a received message, or of a reset BytesMessage or StreamMessage. */
    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the body of this " + bodyType().interfaceName()
                    + " is read-only; clearBody() makes it writable again");
        }
    }

    MessageProperties properties() {
        return properties;
    }

    /** The correlation ID set as bytes, not copied, or null when there is none or it is a String. */
    byte[] correlationIdBytes() {
        return correlationIdBytes;
    }
}
