package io.parley.catalog.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns DDL text into statements, reading the whole text before returning so that a syntax error
 * anywhere is found before anything is applied. Statements follow T-SQL spelling; they may be
 * separated by {@code ;}, by {@code GO} lines, or by nothing at all. Each object kind has its own
 * parser class; this one reads the verb and the object kind and hands over.
 */
public final class DdlParser {

    private DdlParser() {
    }

    /**
     * Parses a whole script.
     *
     * @throws DdlException at the first token that does not fit the grammar or holds a malformed value
     */
    public static List<DdlStatement> parse(String script) {
        TokenCursor in = new TokenCursor(Lexer.tokenize(script));
        List<DdlStatement> statements = new ArrayList<>();
        in.skipSeparators();
        while (!in.atEnd()) {
            statements.add(statement(in));
            if (!in.atStatementEnd()) {
                throw in.expected("';' or the next statement");
            }
            in.skipSeparators();
        }
        return List.copyOf(statements);
    }

    private static DdlStatement statement(TokenCursor in) {
        SourcePosition at = in.peek().position();
        Verb verb = Verb.valueOf(in.expectOneOf("CREATE", "ALTER", "DROP"));
        String objectKind = in.expectOneOf("MESSAGE", "CONTRACT", "QUEUE", "SERVICE", "ROUTE", "ENDPOINT");
        return switch (objectKind) {
            case "MESSAGE" -> {
                in.expectKeyword("TYPE");
                yield MessageTypeParser.parse(verb, at, in);
            }
            case "CONTRACT" -> ContractParser.parse(verb, at, in);
            case "QUEUE" -> QueueParser.parse(verb, at, in);
            case "SERVICE" -> ServiceParser.parse(verb, at, in);
            case "ROUTE" -> RouteParser.parse(verb, at, in);
            default -> EndpointParser.parse(verb, at, in);
        };
    }
}
