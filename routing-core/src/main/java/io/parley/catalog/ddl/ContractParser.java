package io.parley.catalog.ddl;

import io.parley.catalog.SentBy;
import java.util.ArrayList;
import java.util.List;

/** Parses what follows {@code CREATE|DROP CONTRACT}, and refuses ALTER CONTRACT, which T-SQL does not have. */
final class ContractParser {

    private ContractParser() {
    }

    static ContractStatement parse(Verb verb, SourcePosition at, TokenCursor in) {
        if (verb == Verb.ALTER) {
            throw DdlException.syntax(at, "there is no ALTER CONTRACT: a contract cannot change once created"
                    + " (R-OBJ-12); drop it and create it again");
        }
        String name = in.expectName("a contract name");
        if (verb == Verb.DROP) {
            return new ContractStatement.Drop(at, name);
        }
        in.skipAuthorization();
        in.expectSymbol('(');
        List<ContractStatement.Entry> entries = new ArrayList<>();
        do {
            String messageType = in.expectName("a message type name");
            in.expectKeyword("SENT");
            in.expectKeyword("BY");
            entries.add(new ContractStatement.Entry(messageType,
                    SentBy.valueOf(in.expectOneOf("INITIATOR", "TARGET", "ANY"))));
        } while (in.acceptSymbol(','));
        in.expectSymbol(')');
        return new ContractStatement.Create(at, name, entries);
    }
}
