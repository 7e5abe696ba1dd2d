package io.parley.catalog.ddl;

import io.parley.catalog.Validation;

/** Parses what follows {@code CREATE|ALTER|DROP MESSAGE TYPE}. */
final class MessageTypeParser {

    private MessageTypeParser() {
    }

    static MessageTypeStatement parse(Verb verb, SourcePosition at, TokenCursor in) {
        String name = in.expectName("a message type name");
        return switch (verb) {
            case CREATE -> {
                in.skipAuthorization();
                Validation validation = in.acceptKeyword("VALIDATION") ? validation(in) : Validation.NONE;
                yield new MessageTypeStatement.Create(at, name, validation);
            }
            case ALTER -> {
                in.expectKeyword("VALIDATION");
                yield new MessageTypeStatement.Alter(at, name, validation(in));
            }
            case DROP -> new MessageTypeStatement.Drop(at, name);
        };
    }

    private static Validation validation(TokenCursor in) {
        in.expectSymbol('=');
        Token value = in.peek();
        if (value.isKeyword("VALID_XML")) {
            throw DdlException.syntax(value.position(), "VALIDATION = VALID_XML WITH SCHEMA COLLECTION is not supported:"
                    + " Parley has no XML schema collections; use WELL_FORMED_XML");
        }
        return Validation.valueOf(in.expectOneOf("NONE", "EMPTY", "WELL_FORMED_XML", "VALID_JSON"));
    }
}
