package io.parley.catalog.ddl;

import io.parley.catalog.ddl.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a DDL script into tokens, dropping whitespace and comments. Follows T-SQL: line comments
 * after {@code --}, block comments (which nest), {@code [names]} with {@code ]]}, {@code "names"} with
 * {@code ""}, {@code 'strings'} and {@code N'strings'} with {@code ''}, and a line holding only
 * {@code GO} (the batch separator of sqlcmd and SSMS) ends a statement as {@code ;} does.
 */
final class Lexer {
    private static final String SYMBOLS = "(),=.";

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int index;
    private int line = 1;
    private int column = 1;
    private boolean lineHasToken;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, always ending with one {@link Kind#END} token. */
    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (index < text.length()) {
            char c = text.charAt(index);
            SourcePosition start = new SourcePosition(line, column);
            if (Character.isWhitespace(c)) {
                advance();
            } else if (text.startsWith("--", index)) {
                skipLineComment();
            } else if (text.startsWith("/*", index)) {
                skipBlockComment(start);
            } else if (c == '[') {
                add(Kind.QUOTED_NAME, delimited(']', start, "bracketed name"), start);
            } else if (c == '"') {
                add(Kind.QUOTED_NAME, delimited('"', start, "quoted name"), start);
            } else if (c == '\'') {
                add(Kind.STRING, delimited('\'', start, "string"), start);
            } else if ((c == 'N' || c == 'n') && charAt(index + 1) == '\'') {
                advance();
                add(Kind.STRING, delimited('\'', start, "string"), start);
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && Character.isDigit(charAt(index + 1)))) {
                add(Kind.INTEGER, integer(), start);
            } else if (isNameStart(c)) {
                word(start);
            } else if (c == ';') {
                advance();
                add(Kind.SEPARATOR, ";", start);
            } else if (SYMBOLS.indexOf(c) >= 0) {
                advance();
                add(Kind.SYMBOL, String.valueOf(c), start);
            } else {
                throw DdlException.syntax(start, "unexpected character '" + c + "'");
            }
        }
        tokens.add(new Token(Kind.END, "", new SourcePosition(line, column)));
    }

    private void add(Kind kind, String tokenText, SourcePosition start) {
        tokens.add(new Token(kind, tokenText, start));
        lineHasToken = true;
    }

    private void word(SourcePosition start) {
        int begin = index;
        while (index < text.length() && isNamePart(text.charAt(index))) {
            advance();
        }
        String word = text.substring(begin, index);
        if (word.equalsIgnoreCase("GO") && !lineHasToken && restOfLineIsBlank()) {
            add(Kind.SEPARATOR, "GO", start);
        } else {
            add(Kind.WORD, word, start);
        }
    }

    private boolean restOfLineIsBlank() {
        for (int i = index; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (text.startsWith("--", i)) {
                return true;
            }
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private String integer() {
        int begin = index;
        advance();
        while (index < text.length() && Character.isDigit(text.charAt(index))) {
            advance();
        }
        return text.substring(begin, index);
    }

    /** Reads from an opening quote to its closing one; a doubled closing quote stands for itself. */
    private String delimited(char close, SourcePosition start, String what) {
        StringBuilder content = new StringBuilder();
        advance();
        while (true) {
            if (index >= text.length()) {
                throw DdlException.syntax(start, "this " + what + " is never closed with " + close);
            }
            char c = text.charAt(index);
            advance();
            if (c != close) {
                content.append(c);
            } else if (charAt(index) == close) {
                content.append(close);
                advance();
            } else {
                return content.toString();
            }
        }
    }

    private void skipLineComment() {
        while (index < text.length() && text.charAt(index) != '\n') {
            advance();
        }
    }

    private void skipBlockComment(SourcePosition start) {
        int depth = 0;
        do {
            if (index >= text.length()) {
                throw DdlException.syntax(start, "this comment is never closed with */");
            }
            if (text.startsWith("/*", index)) {
                depth++;
                advance();
            } else if (text.startsWith("*/", index)) {
                depth--;
                advance();
            }
            advance();
        } while (depth > 0);
    }

    private void advance() {
        if (text.charAt(index) == '\n') {
            line++;
            column = 1;
            lineHasToken = false;
        } else {
            column++;
        }
        index++;
    }

    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@' || c == '#';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || Character.isDigit(c) || c == '$';
    }
}
