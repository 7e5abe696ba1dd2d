package io.parley.jms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The URI form of a factory's configuration:
 * {@code parley:<node properties file>[?broker=…&clientService=…&contract=…]}, for example {@code parley:/etc/parley/node.properties?broker=Orders&clientService=//shop/storefront}. The path is
 * absolute or relative to the working directory; parameter values are URL-encoded (a service name's slashes may stay).
 */
record ParleyUri(Path nodeFile, String broker, String clientService, String contract) {
    static final String SCHEME = "parley:";
    private static final Set<String> KEYS = Set.of("broker", "clientService", "contract");

    /**
     * Parses {@code uri}.
     *
     * @throws IllegalArgumentException naming what is wrong: another scheme, a host, no path, an unknown or
     *     repeated parameter
     */
    static ParleyUri parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("'" + uri + "' is not a Parley URI; write " + SCHEME
                    + "/path/to/node.properties[?broker=…&clientService=…&contract=…]");
        }
        String rest = uri.substring(SCHEME.length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.startsWith("//")) {
            throw new IllegalArgumentException("'" + uri + "' names a host; a Parley URI names a node properties file"
                    + " of this machine: " + SCHEME + "/path/to/node.properties");
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("'" + uri + "' names no node properties file");
        }
        Map<String, String> parameters = query < 0 ? Map.of() : parameters(uri, rest.substring(query + 1));
        return new ParleyUri(Path.of(decode(path)), parameters.get("broker"), parameters.get("clientService"),
                parameters.get("contract"));
    }

    private static Map<String, String> parameters(String uri, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' in '" + uri
                        + "'; known parameters: broker, clientService, contract");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("parameter '" + key + "' in '" + uri + "' has no value");
            }
            if (parameters.put(key, value) != null) {
                throw new IllegalArgumentException("parameter '" + key + "' appears twice in '" + uri + "'");
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
