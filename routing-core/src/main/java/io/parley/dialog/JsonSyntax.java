package io.parley.dialog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict check that bytes are one JSON value (RFC 8259) in UTF-8, for VALID_JSON message types.
 * It only checks syntax; it builds nothing, so a large body costs no more than a scan.
 */
final class JsonSyntax {
    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** Null when {@code body} is valid JSON, otherwise what is wrong and where. */
    static String problem(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "the body is not UTF-8 text";
        }
        JsonSyntax parser = new JsonSyntax(text);
        try {
            parser.skipSpace();
            parser.value(0);
            parser.skipSpace();
            if (parser.pos != text.length()) {
                throw parser.error("unexpected text after the JSON value");
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "the body is not valid JSON: " + e.getMessage();
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("a value is missing");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error("unexpected character '" + c + "'");
                }
            }
        }
    }

    private void object(int depth) {
        pos++;
        skipSpace();
        if (peek('}')) {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("an object key must be a string");
            }
            string();
            skipSpace();
            expect(':');
            skipSpace();
            value(depth + 1);
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array(int depth) {
        pos++;
        skipSpace();
        if (peek(']')) {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            value(depth + 1);
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw error("a control character inside a string");
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (pos >= text.length() || Character.digit(text.charAt(pos++), 16) < 0) {
                            throw error("a \\u escape needs four hex digits");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw error("unknown escape \\" + e);
                }
            }
        }
        throw error("a string is not closed");
    }

    private void number() {
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else {
            digits("a number needs digits");
        }
        if (peek('.')) {
            pos++;
            digits("a fraction needs digits");
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            digits("an exponent needs digits");
        }
    }

    private void digits(String problem) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error(problem);
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + pos);
    }
}
