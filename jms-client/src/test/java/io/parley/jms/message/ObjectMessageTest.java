package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ObjectMessage: a snapshot taken by setObject, a new copy from every getObject, classes found through the context
 * class loader, and serialization failures in either direction reported as MessageFormatException.
 */
class ObjectMessageTest {

    /** An application's value class. */
    record Order(String customer, List<String> lines) implements Serializable {
    }

    /** Serializable in name only: one of its fields is not. */
    static final class HoldsAThread implements Serializable {
        private final Object worker = new Thread();
    }

    /** Serializes fine and refuses to be read back, like a class whose stored form changed incompatibly. */
    static final class RefusesToDeserialize implements Serializable {
        private void readObject(ObjectInputStream in) throws IOException {
            throw new InvalidObjectException("version 1 of this class can no longer be read");
        }
    }

    /** A class the test also loads through a loader of its own, to see which loader deserialization uses. */
    public static final class Parcel implements Serializable {
        public final String label;

        public Parcel(String label) {
            this.label = label;
        }
    }

    @Test
    void theObjectReadsBackEqualAndEachReadIsANewCopy() throws JMSException {
        Order order = new Order("ACME", new ArrayList<>(List.of("bolts", "nuts")));
        ParleyObjectMessage message = new ParleyObjectMessage(order);

        Order first = (Order) message.getObject();
        assertThat(first).isEqualTo(order).isNotSameAs(order);
        assertThat(message.getObject()).isEqualTo(order).isNotSameAs(first);
    }

    @Test
    void setObjectTakesASnapshotOfTheObject() throws JMSException {
        List<String> lines = new ArrayList<>(List.of("bolts"));
        ParleyObjectMessage message = new ParleyObjectMessage();
        message.setObject(new Order("ACME", lines));
        lines.add("added after setObject");

        assertThat(((Order) message.getObject()).lines()).containsExactly("bolts");
    }

    @Test
    void aNullObjectIsNoBody() throws JMSException {
        ParleyObjectMessage message = new ParleyObjectMessage(new Order("x", List.of()));
        message.setObject(null);

        assertThat(message.getObject()).isNull();
        assertThat(message.getBody(Integer.class)).isNull();
        assertThat(message.isBodyAssignableTo(Integer.class)).isTrue();
    }

    @Test
    void anObjectThatCannotBeSerializedIsAFormatErrorNamingItsClassAndKeepsTheOldBody() throws JMSException {
        ParleyObjectMessage message = new ParleyObjectMessage("before");

        assertThatThrownBy(() -> message.setObject(new HoldsAThread()))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(HoldsAThread.class.getName())
                .hasMessageContaining("java.lang.Thread");
        assertThat(message.getObject()).isEqualTo("before");
        assertThatThrownBy(() -> new ParleyObjectMessage(new HoldsAThread())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void anObjectThatCannotBeDeserializedIsAFormatErrorAndAssignableToNothing() throws JMSException {
        ParleyObjectMessage message = new ParleyObjectMessage(new RefusesToDeserialize());

        assertThatThrownBy(message::getObject)
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("can no longer be read")
                .hasCauseInstanceOf(InvalidObjectException.class);
        assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
        assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
        assertThat(message.isBodyAssignableTo(Serializable.class)).isFalse();
    }

    @Test
    void classesAreResolvedThroughTheContextClassLoader() throws Exception {
        ClassLoader applicationLoader = new OwnCopyLoader(Parcel.class.getName(), getClass().getClassLoader());
        Serializable parcel = (Serializable) applicationLoader.loadClass(Parcel.class.getName())
                .getConstructor(String.class).newInstance("from the application");
        ParleyObjectMessage message = new ParleyObjectMessage(parcel);

        Object seenByTheApplication = withContextClassLoader(applicationLoader, message::getObject);
        Object seenByTheProvider = withContextClassLoader(getClass().getClassLoader(), message::getObject);

        assertThat(seenByTheApplication.getClass().getClassLoader()).isSameAs(applicationLoader);
        assertThat(seenByTheProvider).isInstanceOf(Parcel.class);
        assertThat(((Parcel) seenByTheProvider).label).isEqualTo("from the application");
    }

    @Test
    void aContextClassLoaderThatCannotSeeTheClassFallsBackToTheDefaultLookup() throws Exception {
        ParleyObjectMessage message = new ParleyObjectMessage(new Parcel("p"));
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            Object parcel = withContextClassLoader(blind, message::getObject);

            assertThat(parcel).isInstanceOf(Parcel.class);
        }
    }

    private interface Read {
        Object read() throws JMSException;
    }

    private static Object withContextClassLoader(ClassLoader loader, Read read) throws JMSException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return read.read();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Defines its own copy of one class, as an application server's loader would, and delegates the rest. */
    private static final class OwnCopyLoader extends ClassLoader {
        private final String ownClass;

        OwnCopyLoader(String ownClass, ClassLoader parent) {
            super(parent);
            this.ownClass = ownClass;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(ownClass)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = classBytes(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        private byte[] classBytes(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
