package io.parley.catalog.ddl;

import io.parley.catalog.CatalogException;
import io.parley.catalog.RouteAddress;
import io.parley.catalog.ddl.RouteStatement.Clauses;
import io.parley.catalog.ddl.Token.Kind;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses what follows {@code CREATE|ALTER|DROP ROUTE} and checks the form of each clause's value
 * where it is written. As in SQL Server, an empty SERVICE_NAME or BROKER_INSTANCE is refused
 * (9659): ALTER ROUTE cannot make a route match any service or any broker, only dropping and
 * re-creating it can.
 */
final class RouteParser {
    private static final Pattern GUID =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final long MAX_LIFETIME_SECONDS = Integer.MAX_VALUE;

    private RouteParser() {
    }

    static RouteStatement parse(Verb verb, SourcePosition at, TokenCursor in) {
        String name = in.expectName("a route name");
        return switch (verb) {
            case CREATE -> {
                in.skipAuthorization();
                in.expectKeyword("WITH");
                Clauses clauses = clauses(in, name);
                if (clauses.address().isEmpty()) {
                    throw DdlException.at(at, 0, "CREATE ROUTE '" + name + "' needs an ADDRESS", name);
                }
                yield new RouteStatement.Create(at, name, clauses);
            }
            case ALTER -> {
                in.expectKeyword("WITH");
                yield new RouteStatement.Alter(at, name, clauses(in, name));
            }
            case DROP -> new RouteStatement.Drop(at, name);
        };
    }

    private static Clauses clauses(TokenCursor in, String route) {
        Set<String> seen = new HashSet<>();
        Optional<String> serviceName = Optional.empty();
        Optional<UUID> brokerInstance = Optional.empty();
        Optional<Duration> lifetime = Optional.empty();
        Optional<RouteAddress> address = Optional.empty();
        Optional<RouteAddress.Tcp> mirrorAddress = Optional.empty();
        do {
            Token clause = in.expectOption(seen, "SERVICE_NAME", "BROKER_INSTANCE", "LIFETIME", "ADDRESS", "MIRROR_ADDRESS");
            in.expectSymbol('=');
            switch (clause.upper()) {
                case "SERVICE_NAME" -> serviceName = Optional.of(serviceName(in, route));
                case "BROKER_INSTANCE" -> brokerInstance = Optional.of(brokerInstance(in, route));
                case "LIFETIME" -> lifetime = Optional.of(lifetime(in, route));
                case "ADDRESS" -> address = Optional.of(address(in, route, "ADDRESS"));
                default -> mirrorAddress = Optional.of(mirrorAddress(in, route));
            }
        } while (in.acceptSymbol(','));
        return new Clauses(serviceName, brokerInstance, lifetime, address, mirrorAddress);
    }

    private static String serviceName(TokenCursor in, String route) {
        Token value = in.peek();
        String serviceName = in.expectString("the SERVICE_NAME");
        if (serviceName.isEmpty()) {
            throw cannotBeEmpty(value, route, "SERVICE_NAME", "service");
        }
        return serviceName;
    }

    private static UUID brokerInstance(TokenCursor in, String route) {
        Token value = in.peek();
        String text = in.expectString("the BROKER_INSTANCE");
        if (text.isEmpty()) {
            throw cannotBeEmpty(value, route, "BROKER_INSTANCE", "broker instance");
        }
        if (!GUID.matcher(text).matches()) {
            throw DdlException.at(value.position(), 0, "the BROKER_INSTANCE '" + text + "' of route '" + route
                    + "' is not a GUID such as 'D8D4D268-00A3-4C62-8F91-634B89B1E317'", route);
        }
        return UUID.fromString(text);
    }

    private static DdlException cannotBeEmpty(Token value, String route, String clause, String matchesAny) {
        return DdlException.at(value.position(), 9659, "the " + clause + " of route '" + route + "' cannot be empty;"
                + " to match any " + matchesAny + ", leave " + clause + " out of CREATE ROUTE"
                + " (an existing route must be dropped and created again)", route);
    }

    private static Duration lifetime(TokenCursor in, String route) {
        Token value = in.peek();
        if (value.kind() != Kind.INTEGER) {
            throw in.expected("the LIFETIME in seconds");
        }
        long seconds = TokenCursor.parseLong(value, MAX_LIFETIME_SECONDS);
        if (seconds < 0 || seconds > MAX_LIFETIME_SECONDS) {
            throw DdlException.at(value.position(), 9746, "the LIFETIME of route '" + route + "' must be in the range 0 to "
                    + MAX_LIFETIME_SECONDS + " seconds, not " + value.text(), route);
        }
        in.next();
        return Duration.ofSeconds(seconds);
    }

    private static RouteAddress address(TokenCursor in, String route, String clause) {
        Token value = in.peek();
        String text = in.expectString("the " + clause);
        try {
            return RouteAddress.parse(text);
        } catch (CatalogException e) {
            String problem = text.isBlank()
                    ? "the " + clause + " of route '" + route + "' cannot be empty"
                    : "the " + clause + " '" + text + "' of route '" + route
                            + "' is not an address: expected 'LOCAL', 'TRANSPORT' or 'tcp://host:port'";
            throw DdlException.at(value.position(), e.errorNumber(), problem, route);
        }
    }

    private static RouteAddress.Tcp mirrorAddress(TokenCursor in, String route) {
        Token value = in.peek();
        RouteAddress address = address(in, route, "MIRROR_ADDRESS");
        if (address instanceof RouteAddress.Tcp tcp) {
            return tcp;
        }
        throw DdlException.at(value.position(), 9743, "the MIRROR_ADDRESS of route '" + route
                + "' must be a tcp://host:port address, not '" + address + "'", route);
    }
}
