package io.parley.jms.message;

/**
 * The JMSX properties Jakarta Messaging defines (specification §3.5.9), with the type of value each holds and who
 * sets it. A client sets only {@link #GROUP_ID} and {@link #GROUP_SEQ}; the others describe a send or a delivery and
 * are the provider's, so Parley refuses them from a client, as it refuses any other name with the reserved
 * {@code JMSX} prefix. Parley itself sets {@link #DELIVERY_COUNT} on every received message.
 */
public enum JmsxProperty {
    USER_ID("JMSXUserID", String.class, false),
    APP_ID("JMSXAppID", String.class, false),
    DELIVERY_COUNT("JMSXDeliveryCount", Integer.class, false),
    GROUP_ID("JMSXGroupID", String.class, true),
    GROUP_SEQ("JMSXGroupSeq", Integer.class, true),
    PRODUCER_TXID("JMSXProducerTXID", String.class, false),
    CONSUMER_TXID("JMSXConsumerTXID", String.class, false),
    RCV_TIMESTAMP("JMSXRcvTimestamp", Long.class, false),
    STATE("JMSXState", Integer.class, false);

    /** The prefix Jakarta Messaging reserves for the properties it defines. */
    public static final String PREFIX = "JMSX";

    private final String propertyName;
    private final Class<?> valueType;
    private final boolean setByClient;

    JmsxProperty(String propertyName, Class<?> valueType, boolean setByClient) {
        this.propertyName = propertyName;
        this.valueType = valueType;
        this.setByClient = setByClient;
    }

    /** The property's name as it appears in a message and in selectors, e.g. {@code JMSXGroupID}. */
    public String propertyName() {
        return propertyName;
    }

    /** The wrapper type of the property's value: {@code String}, {@code Integer} or {@code Long}. */
    public Class<?> valueType() {
        return valueType;
    }

    /** Whether the sending client sets it (only JMSXGroupID and JMSXGroupSeq); otherwise the provider does. */
    public boolean isSetByClient() {
        return setByClient;
    }

    /** The JMSX property called {@code name}, or null when Jakarta Messaging defines none of that name. */
    static JmsxProperty named(String name) {
        for (JmsxProperty property : values()) {
            if (property.propertyName.equals(name)) {
                return property;
            }
        }
        return null;
    }

    /** Whether {@code value} can be this property's value; only the String properties can be null. */
    boolean accepts(Object value) {
        return value == null ? valueType == String.class : valueType.isInstance(value);
    }
}
