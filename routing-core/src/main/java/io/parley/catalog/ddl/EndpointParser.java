package io.parley.catalog.ddl;

import io.parley.catalog.BrokerEndpoint;
import io.parley.catalog.EndpointState;
import io.parley.catalog.ddl.EndpointStatement.Listener;
import io.parley.catalog.ddl.EndpointStatement.Settings;
import io.parley.catalog.ddl.Token.Kind;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses what follows {@code CREATE|ALTER|DROP ENDPOINT}. Only {@code AS TCP} and
 * {@code FOR SERVICE_BROKER} exist in Parley; AUTHENTICATION and ENCRYPTION are refused with a
 * pointer to the node's configuration file, where transport security is set.
 */
final class EndpointParser {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[\\p{XDigit}:.]*:[\\p{XDigit}:.]*:[\\p{XDigit}:.]*");

    /** The FOR SERVICE_BROKER options as written. */
    private record Forwarding(Optional<Boolean> enabled, Optional<Integer> sizeMb) {
    }

    private EndpointParser() {
    }

    static EndpointStatement parse(Verb verb, SourcePosition at, TokenCursor in) {
        String name = in.expectName("an endpoint name");
        return switch (verb) {
            case CREATE -> {
                in.skipAuthorization();
                Optional<EndpointState> state = state(in);
                in.expectKeyword("AS");
                Listener listener = tcpListener(in);
                in.expectKeyword("FOR");
                Forwarding forwarding = serviceBroker(in);
                yield new EndpointStatement.Create(at, name,
                        new Settings(state, Optional.of(listener), forwarding.enabled(), forwarding.sizeMb()));
            }
            case ALTER -> alter(at, name, in);
            case DROP -> new EndpointStatement.Drop(at, name);
        };
    }

    private static EndpointStatement.Alter alter(SourcePosition at, String name, TokenCursor in) {
        Optional<EndpointState> state = state(in);
        Optional<Listener> listener = in.acceptKeyword("AS") ? Optional.of(tcpListener(in)) : Optional.empty();
        Forwarding forwarding = in.acceptKeyword("FOR")
                ? serviceBroker(in)
                : new Forwarding(Optional.empty(), Optional.empty());
        Settings settings = new Settings(state, listener, forwarding.enabled(), forwarding.sizeMb());
        if (settings.equals(new Settings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))) {
            throw DdlException.at(at, 0, "ALTER ENDPOINT '" + name + "' changes nothing: give STATE, AS TCP (…)"
                    + " or FOR SERVICE_BROKER (…)", name);
        }
        return new EndpointStatement.Alter(at, name, settings);
    }

    private static Optional<EndpointState> state(TokenCursor in) {
        if (!in.acceptKeyword("STATE")) {
            return Optional.empty();
        }
        in.expectSymbol('=');
        return Optional.of(EndpointState.valueOf(in.expectOneOf("STARTED", "STOPPED", "DISABLED")));
    }

    private static Listener tcpListener(TokenCursor in) {
        Token tcp = in.peek();
        if (!tcp.isKeyword("TCP")) {
            throw in.expected("TCP (a Parley endpoint listens on TCP only)");
        }
        in.next();
        in.expectSymbol('(');
        Set<String> seen = new HashSet<>();
        Optional<Integer> port = Optional.empty();
        Optional<String> ip = Optional.empty();
        do {
            Token option = in.expectOption(seen, "LISTENER_PORT", "LISTENER_IP");
            in.expectSymbol('=');
            if (option.upper().equals("LISTENER_PORT")) {
                port = Optional.of((int) in.expectInteger("LISTENER_PORT",
                        BrokerEndpoint.MIN_PORT, BrokerEndpoint.MAX_PORT));
            } else {
                ip = listenerIp(in);
            }
        } while (in.acceptSymbol(','));
        in.expectSymbol(')');
        return new Listener(port.orElseThrow(() -> DdlException.syntax(tcp.position(), "AS TCP needs a LISTENER_PORT")), ip);
    }

    /** {@code ALL}, or one address in parentheses: {@code ('10.0.0.1')}, T-SQL's {@code (10.0.0.1)} or {@code ("::1")}. */
    private static Optional<String> listenerIp(TokenCursor in) {
        if (in.acceptKeyword("ALL")) {
            return Optional.empty();
        }
        in.expectSymbol('(');
        Token first = in.peek();
        String ip;
        if (first.kind() == Kind.STRING || first.kind() == Kind.QUOTED_NAME) {
            ip = in.next().text();
        } else if (first.kind() == Kind.INTEGER) {
            ip = dottedQuad(in);
        } else {
            throw in.expected("an IP address");
        }
        if (!isIpAddress(ip)) {
            throw DdlException.syntax(first.position(), "LISTENER_IP '" + ip + "' is not an IPv4 or IPv6 address");
        }
        in.expectSymbol(')');
        return Optional.of(ip);
    }

    private static String dottedQuad(TokenCursor in) {
        StringBuilder ip = new StringBuilder(in.next().text());
        while (in.acceptSymbol('.')) {
            if (in.peek().kind() != Kind.INTEGER) {
                throw in.expected("the next part of the IP address");
            }
            ip.append('.').append(in.next().text());
        }
        return ip.toString();
    }

    private static boolean isIpAddress(String text) {
        var ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return IPV6.matcher(text).matches();
    }

    private static Forwarding serviceBroker(TokenCursor in) {
        if (!in.atKeyword("SERVICE_BROKER")) {
            throw in.expected("SERVICE_BROKER (a Parley endpoint carries Service Broker traffic only)");
        }
        in.next();
        Optional<Boolean> enabled = Optional.empty();
        Optional<Integer> sizeMb = Optional.empty();
        if (in.acceptSymbol('(')) {
            Set<String> seen = new HashSet<>();
            do {
                refuseTransportSecurity(in.peek());
                Token option = in.expectOption(seen, "MESSAGE_FORWARDING", "MESSAGE_FORWARD_SIZE");
                in.expectSymbol('=');
                if (option.upper().equals("MESSAGE_FORWARDING")) {
                    enabled = Optional.of(in.expectOneOf("ENABLED", "DISABLED").equals("ENABLED"));
                } else {
                    sizeMb = Optional.of((int) in.expectInteger("MESSAGE_FORWARD_SIZE", 1, Integer.MAX_VALUE));
                }
            } while (in.acceptSymbol(','));
            in.expectSymbol(')');
        }
        return new Forwarding(enabled, sizeMb);
    }

    private static void refuseTransportSecurity(Token option) {
        if (option.isKeyword("AUTHENTICATION") || option.isKeyword("ENCRYPTION")) {
            throw DdlException.syntax(option.position(), option.upper() + " is not set in DDL: Parley configures"
                    + " transport security (TLS key store and trust store) in the node's configuration file");
        }
    }
}
