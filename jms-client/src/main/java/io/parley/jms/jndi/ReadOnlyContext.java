package io.parley.jms.jndi;

import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;

/**
 * A flat JNDI context over a fixed map of names, as {@link ParleyInitialContextFactory} builds it:
 * lookups and listings work, every change is refused. Names are the whole strings given in the
 * configuration ({@code jms/Orders} is one name, not a subcontext), which is how applications
 * written for other providers' property-file contexts look them up.
 */
final class ReadOnlyContext implements Context {
    private static final NameParser PARSER = CompositeName::new;

    private final Map<String, Object> bound;
    private final Hashtable<Object, Object> environment;

    ReadOnlyContext(Map<String, Object> bound, Hashtable<Object, Object> environment) {
        this.bound = Map.copyOf(bound);
        this.environment = environment;
    }

    @Override
    public Object lookup(String name) throws NamingException {
        if (name.isEmpty()) {
            return this;
        }
        Object found = bound.get(name);
        if (found == null) {
            NameNotFoundException missing = new NameNotFoundException("'" + name + "' is not bound; bound are "
                    + bound.keySet());
            missing.setRemainingName(new CompositeName().add(name));
            throw missing;
        }
        return found;
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(flat(name));
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        requireThisContext(name);
        return enumerate(e -> new NameClassPair(e.getKey(), e.getValue().getClass().getName()));
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        return list(flat(name));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        requireThisContext(name);
        return enumerate(e -> new Binding(e.getKey(), e.getValue()));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return listBindings(flat(name));
    }

    @Override
    public void bind(String name, Object obj) throws NamingException {
        throw readOnly("bind", name);
    }

    @Override
    public void bind(Name name, Object obj) throws NamingException {
        throw readOnly("bind", name.toString());
    }

    @Override
    public void rebind(String name, Object obj) throws NamingException {
        throw readOnly("rebind", name);
    }

    @Override
    public void rebind(Name name, Object obj) throws NamingException {
        throw readOnly("rebind", name.toString());
    }

    @Override
    public void unbind(String name) throws NamingException {
        throw readOnly("unbind", name);
    }

    @Override
    public void unbind(Name name) throws NamingException {
        throw readOnly("unbind", name.toString());
    }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        throw readOnly("rename", oldName);
    }

    @Override
    public void rename(Name oldName, Name newName) throws NamingException {
        throw readOnly("rename", oldName.toString());
    }

    @Override
    public void destroySubcontext(String name) throws NamingException {
        throw readOnly("destroySubcontext", name);
    }

    @Override
    public void destroySubcontext(Name name) throws NamingException {
        throw readOnly("destroySubcontext", name.toString());
    }

    @Override
    public Context createSubcontext(String name) throws NamingException {
        throw readOnly("createSubcontext", name);
    }

    @Override
    public Context createSubcontext(Name name) throws NamingException {
        throw readOnly("createSubcontext", name.toString());
    }

    @Override
    public NameParser getNameParser(String name) {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(Name name) {
        return PARSER;
    }

    @Override
    public String composeName(String name, String prefix) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    @Override
    public void close() {
        // Holds no resources: the connection factories open nodes only for the connections they make.
    }

    @Override
    public String getNameInNamespace() {
        return "";
    }

    private static String flat(Name name) {
        return name.toString();
    }

    private void requireThisContext(String name) throws NamingException {
        if (!name.isEmpty()) {
            Object found = lookup(name);
            throw new NamingException("'" + name + "' is a " + found.getClass().getSimpleName() + ", not a context");
        }
    }

    private static OperationNotSupportedException readOnly(String operation, String name) {
        return new OperationNotSupportedException(operation + " of '" + name + "': this context is read-only; names"
                + " come from the connectionFactory.* and queue.* properties it was made with");
    }

    private <T> NamingEnumeration<T> enumerate(Function<Map.Entry<String, Object>, T> each) {
        Iterator<Map.Entry<String, Object>> entries = bound.entrySet().iterator();
        return new NamingEnumeration<>() {
            @Override
            public T next() {
                if (!entries.hasNext()) {
                    throw new NoSuchElementException();
                }
                return each.apply(entries.next());
            }

            @Override
            public boolean hasMore() {
                return entries.hasNext();
            }

            @Override
            public boolean hasMoreElements() {
                return entries.hasNext();
            }

            @Override
            public T nextElement() {
                return next();
            }

            @Override
            public void close() {
            }
        };
    }
}
