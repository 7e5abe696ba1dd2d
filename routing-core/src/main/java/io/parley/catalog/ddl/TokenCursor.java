package io.parley.catalog.ddl;

import io.parley.catalog.ddl.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The parsers' view of the token list: look at the next token, take it if it is what the grammar
 * allows here, or fail with an error that says what was expected and what was found, at the
 * position of what was found.
 */
final class TokenCursor {
    /** T-SQL reserved words of this grammar; as names they must be written [bracketed]. */
    private static final Set<String> RESERVED = Set.of(
            "ADD", "ALL", "ALTER", "ANY", "AS", "AUTHORIZATION", "BY", "CREATE", "DEFAULT", "DROP",
            "EXECUTE", "FOR", "OFF", "ON", "WITH");

    private final List<Token> tokens;
    private int index;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    boolean atEnd() {
        return peek().kind() == Kind.END;
    }

    /** True where a statement may end: a separator, the end, or the first word of the next statement. */
    boolean atStatementEnd() {
        Token token = peek();
        return token.kind() == Kind.SEPARATOR || token.kind() == Kind.END
                || token.isKeyword("CREATE") || token.isKeyword("ALTER") || token.isKeyword("DROP");
    }

    void skipSeparators() {
        while (peek().kind() == Kind.SEPARATOR) {
            next();
        }
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw expected(keyword);
        }
        return next();
    }

    /** Takes one of {@code keywords} and returns it in upper case. */
    String expectOneOf(String... keywords) {
        for (String keyword : keywords) {
            if (acceptKeyword(keyword)) {
                return keyword;
            }
        }
        throw expected(choice(Arrays.asList(keywords)));
    }

    /**
     * Takes the name of an option of a list such as {@code WITH STATUS = ON, RETENTION = OFF};
     * {@code seen} collects the options already given so that none is given twice.
     */
    Token expectOption(Set<String> seen, String... options) {
        Token token = peek();
        if (token.kind() != Kind.WORD || !Arrays.asList(options).contains(token.upper())) {
            throw expected(choice(Arrays.asList(options)));
        }
        if (!seen.add(token.upper())) {
            throw DdlException.syntax(token.position(), token.upper() + " is given twice");
        }
        return next();
    }

    /** Takes {@code = ON} or {@code = OFF}. */
    boolean expectOnOff() {
        expectSymbol('=');
        return expectOneOf("ON", "OFF").equals("ON");
    }

    boolean acceptSymbol(char symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    void expectSymbol(char symbol) {
        if (!acceptSymbol(symbol)) {
            throw expected("'" + symbol + "'");
        }
    }

    /** Takes a name, bare or quoted; {@code what} says which name, for the error. */
    String expectName(String what) {
        Token token = peek();
        if (token.kind() == Kind.QUOTED_NAME) {
            return next().text();
        }
        if (token.kind() != Kind.WORD) {
            throw expected(what);
        }
        if (RESERVED.contains(token.upper())) {
            throw DdlException.syntax(token.position(), "expected " + what + " but found the reserved word "
                    + token.upper() + "; to use it as a name write [" + token.text() + "]");
        }
        return next().text();
    }

    /** Skips {@code AUTHORIZATION owner}: Parley has no database principals, so owners mean nothing yet. */
    void skipAuthorization() {
        if (acceptKeyword("AUTHORIZATION")) {
            expectName("an owner name");
        }
    }

    /** Takes a name of up to {@code maxParts} parts separated by dots, as in {@code db.dbo.q}. */
    List<String> expectQualifiedName(String what, int maxParts) {
        List<String> parts = new ArrayList<>();
        parts.add(expectName(what));
        while (parts.size() < maxParts && acceptSymbol('.')) {
            parts.add(expectName(what));
        }
        return parts;
    }

    String expectString(String what) {
        if (peek().kind() != Kind.STRING) {
            throw expected(what + " as a 'quoted string'");
        }
        return next().text();
    }

    /** Takes a whole number within {@code min..max}. */
    long expectInteger(String what, long min, long max) {
        Token token = peek();
        if (token.kind() != Kind.INTEGER) {
            throw expected(what + " as a whole number");
        }
        long value = parseLong(token, max);
        if (value < min || value > max) {
            throw DdlException.syntax(token.position(), what + " " + token.text() + " is outside " + min + ".." + max);
        }
        next();
        return value;
    }

    /** The value of an integer token; digits too many for a long read as just past {@code bound}. */
    static long parseLong(Token token, long bound) {
        try {
            return Long.parseLong(token.text());
        } catch (NumberFormatException tooManyDigits) {
            return token.text().startsWith("-") ? -bound - 1 : bound + 1;
        }
    }

    /** An error at the next token saying what the grammar wanted there. */
    DdlException expected(String what) {
        Token found = peek();
        return DdlException.syntax(found.position(), "expected " + what + " but found " + found.describe());
    }

    static String choice(List<String> keywords) {
        if (keywords.size() == 1) {
            return keywords.get(0);
        }
        return String.join(", ", keywords.subList(0, keywords.size() - 1)) + " or " + keywords.get(keywords.size() - 1);
    }
}
