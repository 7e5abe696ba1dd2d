package io.parley.jms.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Java serialization for ObjectMessage bodies. Classes are resolved through the thread's context class loader first,
 * because in an application server the message's classes belong to the application, not to the provider; the JVM's
 * serialization filter ({@code jdk.serialFilter}) applies as to any other stream. A failure either way is a
 * {@link MessageFormatException} naming the class.
 */
final class ObjectSerialization {
    private ObjectSerialization() {
    }

    static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException | RuntimeException e) {
            throw failure("cannot serialize the " + object.getClass().getName() + " for an ObjectMessage: " + e, e);
        }
        return bytes.toByteArray();
    }

    static Serializable deserialize(byte[] serialized) throws MessageFormatException {
        Object object;
        try (ObjectInputStream in = new ContextClassLoaderInput(new ByteArrayInputStream(serialized))) {
            object = in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw failure("cannot deserialize the body of an ObjectMessage: " + e, e);
        }
        if (object != null && !(object instanceof Serializable)) {
            throw new MessageFormatException("the body of an ObjectMessage deserialized to a "
                    + object.getClass().getName() + ", which is not Serializable");
        }
        return (Serializable) object;
    }

    private static MessageFormatException failure(String text, Exception cause) {
        MessageFormatException failure = new MessageFormatException(text);
        failure.setLinkedException(cause);
        failure.initCause(cause);
        return failure;
    }

    /** An object stream that looks classes up in the context class loader before its own default lookup. */
    private static final class ContextClassLoaderInput extends ObjectInputStream {
        ContextClassLoaderInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // Primitive types and classes only the provider's own loader sees are found by the default.
                }
            }
            return super.resolveClass(description);
        }
    }
}
