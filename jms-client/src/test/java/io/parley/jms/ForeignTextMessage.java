package io.parley.jms;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/** A TextMessage of some other provider, as little as the portable API needs. */
final class ForeignTextMessage implements TextMessage {
    private final Map<String, Object> properties = new HashMap<>();
    private String text;
    private String id;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = 2;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = 4;

    ForeignTextMessage(String text) {
        this.text = text;
    }

    @Override public void setText(String string) { text = string; }
    @Override public String getText() { return text; }
    @Override public String getJMSMessageID() { return id; }
    @Override public void setJMSMessageID(String value) { id = value; }
    @Override public long getJMSTimestamp() { return timestamp; }
    @Override public void setJMSTimestamp(long value) { timestamp = value; }
    @Override public byte[] getJMSCorrelationIDAsBytes() { return correlationId == null ? null : correlationId.getBytes(); }
    @Override public void setJMSCorrelationIDAsBytes(byte[] value) { correlationId = new String(value); }
    @Override public void setJMSCorrelationID(String value) { correlationId = value; }
    @Override public String getJMSCorrelationID() { return correlationId; }
    @Override public Destination getJMSReplyTo() { return replyTo; }
    @Override public void setJMSReplyTo(Destination value) { replyTo = value; }
    @Override public Destination getJMSDestination() { return destination; }
    @Override public void setJMSDestination(Destination value) { destination = value; }
    @Override public int getJMSDeliveryMode() { return deliveryMode; }
    @Override public void setJMSDeliveryMode(int value) { deliveryMode = value; }
    @Override public boolean getJMSRedelivered() { return redelivered; }
    @Override public void setJMSRedelivered(boolean value) { redelivered = value; }
    @Override public String getJMSType() { return type; }
    @Override public void setJMSType(String value) { type = value; }
    @Override public long getJMSExpiration() { return expiration; }
    @Override public void setJMSExpiration(long value) { expiration = value; }
    @Override public long getJMSDeliveryTime() { return deliveryTime; }
    @Override public void setJMSDeliveryTime(long value) { deliveryTime = value; }
    @Override public int getJMSPriority() { return priority; }
    @Override public void setJMSPriority(int value) { priority = value; }
    @Override public void clearProperties() { properties.clear(); }
    @Override public boolean propertyExists(String name) { return properties.containsKey(name); }
    @Override public boolean getBooleanProperty(String name) { return (Boolean) properties.get(name); }
    @Override public byte getByteProperty(String name) { return (Byte) properties.get(name); }
    @Override public short getShortProperty(String name) { return (Short) properties.get(name); }
    @Override public int getIntProperty(String name) { return (Integer) properties.get(name); }
    @Override public long getLongProperty(String name) { return (Long) properties.get(name); }
    @Override public float getFloatProperty(String name) { return (Float) properties.get(name); }
    @Override public double getDoubleProperty(String name) { return (Double) properties.get(name); }
    @Override public String getStringProperty(String name) { return (String) properties.get(name); }
    @Override public Object getObjectProperty(String name) { return properties.get(name); }
    @Override public Enumeration<String> getPropertyNames() { return Collections.enumeration(properties.keySet()); }
    @Override public void setBooleanProperty(String name, boolean value) { properties.put(name, value); }
    @Override public void setByteProperty(String name, byte value) { properties.put(name, value); }
    @Override public void setShortProperty(String name, short value) { properties.put(name, value); }
    @Override public void setIntProperty(String name, int value) { properties.put(name, value); }
    @Override public void setLongProperty(String name, long value) { properties.put(name, value); }
    @Override public void setFloatProperty(String name, float value) { properties.put(name, value); }
    @Override public void setDoubleProperty(String name, double value) { properties.put(name, value); }
    @Override public void setStringProperty(String name, String value) { properties.put(name, value); }
    @Override public void setObjectProperty(String name, Object value) { properties.put(name, value); }
    @Override public void acknowledge() { }
    @Override public void clearBody() { text = null; }
    @Override public <T> T getBody(Class<T> c) throws JMSException { return c.cast(text); }
    @Override public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) { return c.isAssignableFrom(String.class); }
}
