package io.parley.jms.jndi;

import io.parley.jms.ParleyConnectionFactory;
import io.parley.jms.destination.ServiceDestination;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * Serves Parley connection factories and queues by name from the JNDI environment, so that a
 * program configured for another provider's {@code InitialContextFactory} needs only new
 * properties. In the environment (or {@code jndi.properties}):
 * <pre>
 * java.naming.factory.initial = io.parley.jms.jndi.ParleyInitialContextFactory
 * connectionFactory.ShopFactory = parley:/etc/parley/node.properties?broker=Shop
 * queue.jms/Orders = //Shop/Orders
 * </pre>
 * {@code java.naming.provider.url}, when set, is the URI of a factory named {@code ConnectionFactory}.
 * Every name is checked when the context is made, so a malformed URI fails there with the name it
 * was given; topics are refused, since Parley has none yet. The context is read-only.
 */
public final class ParleyInitialContextFactory implements InitialContextFactory {
    /** Prefix of an environment key that names a connection factory; the value is its URI. */
    public static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";
    /** Prefix of an environment key that names a queue; the value is the service's name. */
    public static final String QUEUE_PREFIX = "queue.";
    /** Prefix other providers use for topics, refused here. */
    public static final String TOPIC_PREFIX = "topic.";
    /** Name of the factory {@link Context#PROVIDER_URL} makes. */
    public static final String DEFAULT_FACTORY_NAME = "ConnectionFactory";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Map<String, Object> bound = new TreeMap<>();
        Hashtable<Object, Object> copy = new Hashtable<>();
        if (environment != null) {
            copy.putAll(environment);
        }
        Object providerUrl = copy.get(Context.PROVIDER_URL);
        if (providerUrl != null) {
            bound.put(DEFAULT_FACTORY_NAME, factory(Context.PROVIDER_URL, providerUrl.toString()));
        }
        for (Map.Entry<Object, Object> entry : copy.entrySet()) {
            String key = entry.getKey().toString();
            String value = entry.getValue() == null ? "" : entry.getValue().toString().trim();
            if (key.startsWith(CONNECTION_FACTORY_PREFIX)) {
                bound.put(name(key, CONNECTION_FACTORY_PREFIX), factory(key, value));
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bound.put(name(key, QUEUE_PREFIX), queue(key, value));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                throw new ConfigurationException("'" + key + "': topics are not supported yet; Parley serves queues only");
            }
        }
        return new ReadOnlyContext(bound, copy);
    }

    private static String name(String key, String prefix) throws ConfigurationException {
        String name = key.substring(prefix.length()).trim();
        if (name.isEmpty()) {
            throw new ConfigurationException("'" + key + "' names nothing: put the JNDI name after '" + prefix + "'");
        }
        return name;
    }

    private static ParleyConnectionFactory factory(String key, String uri) throws ConfigurationException {
        try {
            return new ParleyConnectionFactory(uri);
        } catch (IllegalArgumentException e) {
            ConfigurationException failure = new ConfigurationException("'" + key + "' is not a Parley URI: "
                    + e.getMessage());
            failure.setRootCause(e);
            throw failure;
        }
    }

    private static ServiceDestination queue(String key, String service) throws ConfigurationException {
        if (service.isEmpty()) {
            throw new ConfigurationException("'" + key + "' has no service name: give the name of the Service Broker"
                    + " service the queue stands for");
        }
        return new ServiceDestination(service);
    }
}
