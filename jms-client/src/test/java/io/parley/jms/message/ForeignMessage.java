package io.parley.jms.message;

import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another provider's message, as far as a copier may see one: header fields, properties and a body held in plain
 * maps behind a dynamic proxy of any of the six message interfaces. Only the portable calls a copier needs are
 * answered; any other call fails, which proves the copier uses nothing else.
 */
final class ForeignMessage implements InvocationHandler {
    final Map<String, Object> headers = new HashMap<>(Map.of("JMSTimestamp", 0L, "JMSDeliveryMode", 2,
            "JMSRedelivered", false, "JMSExpiration", 0L, "JMSDeliveryTime", 0L, "JMSPriority", 4));
    final Map<String, Object> properties = new LinkedHashMap<>();
    final Object body;
    int position;
    int resets;

    private ForeignMessage(Object body) {
        this.body = body;
    }

    static <T extends Message> T of(Class<T> type, Object body) {
        return type.cast(Proxy.newProxyInstance(ForeignMessage.class.getClassLoader(), new Class<?>[] {type},
                new ForeignMessage(body)));
    }

    static ForeignMessage stateOf(Message message) {
        return (ForeignMessage) Proxy.getInvocationHandler(message);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        if (name.startsWith("getJMS") && arity == 0) {
            if (name.equals("getJMSCorrelationIDAsBytes") && !headers.containsKey("JMSCorrelationIDAsBytes")) {
                throw new UnsupportedOperationException("this provider has no native correlation IDs");
            }
            return headers.get(name.substring(3));
        }
        return switch (name) {
            case "getPropertyNames" -> Collections.enumeration(properties.keySet());
            case "getObjectProperty" -> properties.get((String) args[0]);
            case "getText" -> body;
            case "getObject" -> arity == 0 ? body : map().get((String) args[0]);
            case "getMapNames" -> Collections.enumeration(map().keySet());
            case "reset" -> {
                position = 0;
                resets++;
                yield null;
            }
            case "readBytes" -> readBytes((byte[]) args[0]);
            case "readObject" -> readObject();
            case "toString" -> "foreign " + method.getDeclaringClass().getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(name + " is not for copiers");
        };
    }

    private int readBytes(byte[] buffer) {
        byte[] bytes = (byte[]) body;
        if (position == bytes.length) {
            return -1;
        }
        int count = Math.min(buffer.length, bytes.length - position);
        System.arraycopy(bytes, position, buffer, 0, count);
        position += count;
        return count;
    }

    private Object readObject() throws MessageEOFException {
        List<?> fields = (List<?>) body;
        if (position == fields.size()) {
            throw new MessageEOFException("end of stream");
        }
        return fields.get(position++);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        return (Map<String, Object>) body;
    }
}
