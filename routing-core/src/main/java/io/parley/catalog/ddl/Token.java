package io.parley.catalog.ddl;

import java.util.Locale;

/**
 * One lexical unit of a DDL script with the position of its first character. For quoted names and
 * strings {@code text} is the content with quotes removed and doubled closing quotes undone; for
 * bare words it is the word exactly as written, since only keywords ignore case.
 */
record Token(Kind kind, String text, SourcePosition position) {

    /** The lexical classes the parser distinguishes. */
    enum Kind {
        /** A bare word: a keyword or an unquoted name. */
        WORD,
        /** A {@code [bracketed]} or {@code "quoted"} name, never a keyword. */
        QUOTED_NAME,
        /** A {@code 'string'} or {@code N'string'} literal. */
        STRING,
        /** A whole number with an optional sign. */
        INTEGER,
        /** One of {@code ( ) , = .} */
        SYMBOL,
        /** {@code ;} or a {@code GO} line, both of which end a statement. */
        SEPARATOR,
        /** The end of the script. */
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    /** The word in upper case, the form keywords are compared and reported in. */
    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** How error messages name this token: {@code 'WITH'}, {@code string 'x'}, {@code the end of the script}. */
    String describe() {
        return switch (kind) {
            case WORD, SYMBOL -> "'" + text + "'";
            case QUOTED_NAME -> "name [" + text + "]";
            case STRING -> "string '" + text + "'";
            case INTEGER -> "number " + text;
            case SEPARATOR -> text.equals(";") ? "';'" : "GO";
            case END -> "the end of the script";
        };
    }
}
