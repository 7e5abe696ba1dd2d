package io.parley.jms.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.Node;
import io.parley.NodeConfig;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.Binding;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.OperationNotSupportedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looking Parley up through JNDI as a program written for another provider's property-file context does. */
class ParleyInitialContextFactoryTest {
    @TempDir
    Path dir;

    private Path shopNode() throws Exception {
        Path properties = dir.resolve("node.properties");
        Files.writeString(properties, "node.name = shop\nnode.data-dir = " + dir.resolve("data") + "\nnode.brokers = Shop\n");
        try (Node node = Node.open(NodeConfig.load(properties))) {
            node.broker("Shop").execute("CREATE QUEUE OrdersQ; CREATE SERVICE [//Shop/Orders] ON QUEUE OrdersQ ([DEFAULT]);");
        }
        return properties;
    }

    private static Hashtable<String, String> environment() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, ParleyInitialContextFactory.class.getName());
        return env;
    }

    @Test
    void servesFactoriesAndQueuesByTheirNamesAndTheyWork() throws Exception {
        Path node = shopNode();
        Hashtable<String, String> env = environment();
        env.put("connectionFactory.ShopFactory", "parley:" + node);
        env.put("queue.jms/Orders", "//Shop/Orders");
        env.put(Context.PROVIDER_URL, "parley:" + node);

        InitialContext context = new InitialContext(env);
        ConnectionFactory factory = (ConnectionFactory) context.lookup("ShopFactory");
        Queue orders = (Queue) context.lookup("jms/Orders");
        assertThat(orders.getQueueName()).isEqualTo("//Shop/Orders");
        assertThat(context.lookup(ParleyInitialContextFactory.DEFAULT_FACTORY_NAME)).isInstanceOf(ConnectionFactory.class);

        try (JMSContext jms = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            jms.createProducer().send(orders, "order 7");
            jms.commit();
            assertThat(jms.createConsumer(orders).receiveBody(String.class, 10_000)).isEqualTo("order 7");
            jms.commit();
        }

        List<String> names = new ArrayList<>();
        NamingEnumeration<Binding> bindings = context.listBindings("");
        while (bindings.hasMore()) {
            names.add(bindings.next().getName());
        }
        assertThat(names).containsExactlyInAnyOrder("ConnectionFactory", "ShopFactory", "jms/Orders");
        context.close();
    }

    @Test
    void anUnknownNameIsNotFoundAndNamesItsNeighbours() throws Exception {
        Hashtable<String, String> env = environment();
        env.put("queue.jms/Orders", "//Shop/Orders");
        InitialContext context = new InitialContext(env);
        assertThatThrownBy(() -> context.lookup("jms/Billing")).isInstanceOf(NameNotFoundException.class)
                .hasMessageContaining("jms/Billing").hasMessageContaining("jms/Orders");
    }

    @Test
    void theContextIsReadOnly() throws Exception {
        InitialContext context = new InitialContext(environment());
        assertThatThrownBy(() -> context.bind("x", "y")).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> context.createSubcontext("jms")).isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void badConfigurationFailsWhenTheContextIsMadeNamingTheKey() {
        Hashtable<String, String> badUri = environment();
        badUri.put("connectionFactory.Broken", "amqp://127.0.0.1:5672");
        assertThatThrownBy(() -> new InitialContext(badUri)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connectionFactory.Broken");

        Hashtable<String, String> topic = environment();
        topic.put("topic.news", "News");
        assertThatThrownBy(() -> new InitialContext(topic)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("topics are not supported yet");

        Hashtable<String, String> emptyQueue = environment();
        emptyQueue.put("queue.jms/Nothing", " ");
        assertThatThrownBy(() -> new InitialContext(emptyQueue)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queue.jms/Nothing");
    }
}
