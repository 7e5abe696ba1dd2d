package io.parley.catalog.ddl;

import io.parley.catalog.ddl.ServiceStatement.ContractChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses what follows {@code CREATE|ALTER|DROP SERVICE}. */
final class ServiceParser {

    private ServiceParser() {
    }

    static ServiceStatement parse(Verb verb, SourcePosition at, TokenCursor in) {
        String name = in.expectName("a service name");
        return switch (verb) {
            case CREATE -> create(at, name, in);
            case ALTER -> alter(at, name, in);
            case DROP -> new ServiceStatement.Drop(at, name);
        };
    }

    private static ServiceStatement.Create create(SourcePosition at, String name, TokenCursor in) {
        in.skipAuthorization();
        in.expectKeyword("ON");
        in.expectKeyword("QUEUE");
        String queueName = QueueParser.queueName(in);
        List<String> contracts = new ArrayList<>();
        if (in.acceptSymbol('(')) {
            do {
                contracts.add(in.expectName("a contract name"));
            } while (in.acceptSymbol(','));
            in.expectSymbol(')');
        }
        return new ServiceStatement.Create(at, name, queueName, contracts);
    }

    private static ServiceStatement.Alter alter(SourcePosition at, String name, TokenCursor in) {
        Optional<String> queueName = Optional.empty();
        if (in.acceptKeyword("ON")) {
            in.expectKeyword("QUEUE");
            queueName = Optional.of(QueueParser.queueName(in));
        }
        List<ContractChange> changes = new ArrayList<>();
        if (in.acceptSymbol('(')) {
            do {
                boolean add = in.expectOneOf("ADD", "DROP").equals("ADD");
                in.expectKeyword("CONTRACT");
                changes.add(new ContractChange(add, in.expectName("a contract name")));
            } while (in.acceptSymbol(','));
            in.expectSymbol(')');
        }
        if (queueName.isEmpty() && changes.isEmpty()) {
            throw DdlException.at(at, 8493, "ALTER SERVICE '" + name + "' must change the queue or at least one contract",
                    name);
        }
        return new ServiceStatement.Alter(at, name, queueName, changes);
    }
}
