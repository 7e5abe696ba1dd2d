package io.parley.catalog.ddl;

import io.parley.catalog.ServiceQueue;
import io.parley.catalog.ddl.QueueStatement.Activation;
import io.parley.catalog.ddl.QueueStatement.DeadLetter;
import io.parley.catalog.ddl.QueueStatement.Options;
import io.parley.catalog.ddl.Token.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses what follows {@code CREATE|ALTER|DROP QUEUE}, including Parley's {@code DEAD_LETTER ( … )}
 * option. EXECUTE AS and ON filegroup are read and dropped: Parley has no database principals and
 * no filegroups.
 */
final class QueueParser {

    private QueueParser() {
    }

    static QueueStatement parse(Verb verb, SourcePosition at, TokenCursor in) {
        String name = queueName(in);
        return switch (verb) {
            case CREATE -> {
                Options options = in.acceptKeyword("WITH") ? options(in, Verb.CREATE) : Options.NONE;
                if (in.acceptKeyword("ON") && !in.acceptKeyword("DEFAULT")) {
                    in.expectName("a filegroup name");
                }
                yield new QueueStatement.Create(at, name, options);
            }
            case ALTER -> {
                in.expectKeyword("WITH");
                yield new QueueStatement.Alter(at, name, options(in, Verb.ALTER));
            }
            case DROP -> new QueueStatement.Drop(at, name);
        };
    }

    /**
     * Reads {@code [db.][schema.]queue} and keeps only the queue: queues are schema-scoped in
     * SQL Server (R-OBJ-4), and Parley has a single schema.
     */
    static String queueName(TokenCursor in) {
        List<String> parts = in.expectQualifiedName("a queue name", 3);
        return parts.get(parts.size() - 1);
    }

    private static Options options(TokenCursor in, Verb verb) {
        Set<String> seen = new HashSet<>();
        Optional<Boolean> status = Optional.empty();
        Optional<Boolean> retention = Optional.empty();
        Optional<Boolean> poisonMessageHandling = Optional.empty();
        Optional<Activation> activation = Optional.empty();
        boolean dropActivation = false;
        Optional<DeadLetter> deadLetter = Optional.empty();
        boolean dropDeadLetter = false;
        do {
            Token option = in.expectOption(seen, "STATUS", "RETENTION", "ACTIVATION", "POISON_MESSAGE_HANDLING",
                    "DEAD_LETTER");
            switch (option.upper()) {
                case "STATUS" -> status = Optional.of(in.expectOnOff());
                case "RETENTION" -> retention = Optional.of(in.expectOnOff());
                case "POISON_MESSAGE_HANDLING" -> {
                    in.expectSymbol('(');
                    in.expectKeyword("STATUS");
                    poisonMessageHandling = Optional.of(in.expectOnOff());
                    in.expectSymbol(')');
                }
                case "DEAD_LETTER" -> {
                    in.expectSymbol('(');
                    dropDeadLetter = acceptDrop(in, verb, "DEAD_LETTER");
                    if (!dropDeadLetter) {
                        deadLetter = Optional.of(deadLetter(in));
                    }
                    in.expectSymbol(')');
                }
                default -> {
                    in.expectSymbol('(');
                    dropActivation = acceptDrop(in, verb, "ACTIVATION");
                    if (!dropActivation) {
                        activation = Optional.of(activation(in));
                    }
                    in.expectSymbol(')');
                }
            }
        } while (in.acceptSymbol(','));
        return new Options(status, retention, poisonMessageHandling, activation, dropActivation, deadLetter,
                dropDeadLetter);
    }

    /** Takes the {@code DROP} of {@code clause (DROP)}, which only ALTER QUEUE may say. */
    private static boolean acceptDrop(TokenCursor in, Verb verb, String clause) {
        Token first = in.peek();
        if (!first.isKeyword("DROP")) {
            return false;
        }
        if (verb != Verb.ALTER) {
            throw DdlException.syntax(first.position(), clause + " (DROP) belongs to ALTER QUEUE; a queue created without "
                    + clause + " has none");
        }
        in.next();
        return true;
    }

    /** {@code MAX_DELIVERIES = n, QUEUE = [db.][schema.]queue}, in any order. */
    private static DeadLetter deadLetter(TokenCursor in) {
        Set<String> seen = new HashSet<>();
        Optional<Integer> maxDeliveries = Optional.empty();
        Optional<String> queue = Optional.empty();
        do {
            Token option = in.expectOption(seen, "MAX_DELIVERIES", "QUEUE");
            in.expectSymbol('=');
            if (option.upper().equals("MAX_DELIVERIES")) {
                maxDeliveries = Optional.of((int) in.expectInteger("MAX_DELIVERIES", 1, Integer.MAX_VALUE));
            } else {
                queue = Optional.of(queueName(in));
            }
        } while (in.acceptSymbol(','));
        return new DeadLetter(maxDeliveries, queue);
    }

    private static Activation activation(TokenCursor in) {
        Set<String> seen = new HashSet<>();
        Optional<Boolean> status = Optional.empty();
        Optional<String> procedureName = Optional.empty();
        Optional<Integer> maxQueueReaders = Optional.empty();
        do {
            Token option = in.expectOption(seen, "STATUS", "PROCEDURE_NAME", "MAX_QUEUE_READERS", "EXECUTE");
            switch (option.upper()) {
                case "STATUS" -> status = Optional.of(in.expectOnOff());
                case "PROCEDURE_NAME" -> {
                    in.expectSymbol('=');
                    procedureName = Optional.of(String.join(".", in.expectQualifiedName("a procedure name", 3)));
                }
                case "MAX_QUEUE_READERS" -> {
                    in.expectSymbol('=');
                    maxQueueReaders = Optional.of((int) in.expectInteger("MAX_QUEUE_READERS", 0,
                            ServiceQueue.MAX_READERS_LIMIT));
                }
                default -> skipExecuteAs(in);
            }
        } while (in.acceptSymbol(','));
        return new Activation(status, procedureName, maxQueueReaders);
    }

    private static void skipExecuteAs(TokenCursor in) {
        in.expectKeyword("AS");
        if (in.peek().kind() == Kind.STRING) {
            in.next();
        } else {
            in.expectOneOf("SELF", "OWNER");
        }
    }
}
