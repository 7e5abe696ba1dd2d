package io.parley.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a route sends messages (R-ROUTE-3): {@link Local} delivers inside this node,
 * {@link Transport} takes the next hop from the start of the service name (R-ROUTE-6), and
 * {@link Tcp} names the next hop's broker endpoint. {@link #toString()} is the form routes store
 * and show: {@code LOCAL}, {@code TRANSPORT} or {@code tcp://host:port}.
 */
public sealed interface RouteAddress permits RouteAddress.Local, RouteAddress.Transport, RouteAddress.Tcp {

    /** The keyword address {@code 'LOCAL'}. */
    Local LOCAL = new Local();

    /** The keyword address {@code 'TRANSPORT'}. */
    Transport TRANSPORT = new Transport();

    /**
     * Parses an ADDRESS or MIRROR_ADDRESS value. Keywords and the {@code tcp://} scheme are matched
     * without regard to case; a TCP address must carry a port (R-ROUTE-3, Impl).
     *
     * @throws CatalogException 9744 when the text is no address
     */
    static RouteAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CatalogException(9659, "a route address must not be empty");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("LOCAL")) {
            return LOCAL;
        }
        if (upper.equals("TRANSPORT")) {
            return TRANSPORT;
        }
        return Tcp.parse(text).orElseThrow(() -> new CatalogException(9744,
                "the route address '" + text + "' is malformed: expected 'LOCAL', 'TRANSPORT' or 'tcp://host:port'"));
    }

    /** Deliver inside this node. */
    record Local() implements RouteAddress {
        @Override
        public String toString() {
            return "LOCAL";
        }
    }

    /** Take the next hop from the network address at the start of the target service name. */
    record Transport() implements RouteAddress {
        @Override
        public String toString() {
            return "TRANSPORT";
        }
    }

    /** The broker endpoint of the next hop: a host name or IP address and a port. */
    record Tcp(String host, int port) implements RouteAddress {
        private static final String SCHEME = "tcp://";

        public Tcp {
            if (host == null || host.isEmpty()) {
                throw new CatalogException(9744, "a tcp address needs a host");
            }
            if (port < 1 || port > 65535) {
                throw new CatalogException(9744, "port " + port + " of tcp://" + host + " is outside 1..65535");
            }
        }

        /** Parses {@code tcp://host:port}; empty when the text is not exactly that. */
        public static Optional<Tcp> parse(String text) {
            if (text.length() <= SCHEME.length() || !text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                return Optional.empty();
            }
            return parseAuthority(text.substring(SCHEME.length()));
        }

        /**
         * The address a TRANSPORT route takes from a service name such as
         * {@code tcp://127.0.0.1:5022/Orders}: the leading {@code tcp://host:port}, which must be
         * followed by {@code /} or nothing. Empty when the name starts with no such address.
         */
        public static Optional<Tcp> fromServiceName(String serviceName) {
            if (serviceName.length() <= SCHEME.length()
                    || !serviceName.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                return Optional.empty();
            }
            String rest = serviceName.substring(SCHEME.length());
            int slash = rest.indexOf('/');
            return parseAuthority(slash < 0 ? rest : rest.substring(0, slash));
        }

        private static Optional<Tcp> parseAuthority(String authority) {
            int colon = authority.lastIndexOf(':');
            if (colon <= 0 || colon == authority.length() - 1) {
                return Optional.empty();
            }
            String host = authority.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':')) {
                return Optional.empty();
            }
            String digits = authority.substring(colon + 1);
            if (digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int port = Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
            return Optional.of(new Tcp(host, port));
        }

        @Override
        public String toString() {
            return host.indexOf(':') >= 0 ? SCHEME + "[" + host + "]:" + port : SCHEME + host + ":" + port;
        }
    }
}
