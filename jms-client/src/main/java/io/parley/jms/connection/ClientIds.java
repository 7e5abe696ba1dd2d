package io.parley.jms.connection;

import jakarta.jms.InvalidClientIDException;
import java.util.HashSet;
import java.util.Set;

/** The client identifiers of the open connections of this process; each may be used by one connection at a time. */
final class ClientIds {
    private static final Set<String> IN_USE = new HashSet<>();

    private ClientIds() {
    }

    static synchronized void take(String clientId) throws InvalidClientIDException {
        if (clientId == null || clientId.isEmpty()) {
            throw new InvalidClientIDException("a client ID must not be " + (clientId == null ? "null" : "empty"));
        }
        if (!IN_USE.add(clientId)) {
            throw new InvalidClientIDException("client ID '" + clientId + "' is in use by another connection");
        }
    }

    static synchronized void release(String clientId) {
        if (clientId != null) {
            IN_USE.remove(clientId);
        }
    }
}
