package io.parley.server.cli;

import io.parley.Broker;
import io.parley.Node;
import io.parley.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley sql FILE}: runs a DDL script against one broker of a node, all of it or none. */
@Command(name = "sql", description = "Run a DDL script (CREATE/ALTER/DROP ...) against a broker, in one transaction.")
final class SqlCommand implements Callable<Integer> {
    @Mixin
    NodeOptions target;

    @Parameters(paramLabel = "FILE", description = "The DDL script; see docs/ddl.md.")
    Path script;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text;
        try {
            text = Files.readString(script, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such script: " + script);
        }
        try (Node node = target.openNode()) {
            Broker broker = target.selectBroker(node);
            Catalog before = broker.catalog();
            try {
                Catalog after = broker.execute(text);
                spec.commandLine().getOut().println(script + ": applied to " + broker.kind().name().toLowerCase()
                        + " '" + broker.name() + "' (" + summary(before, after) + ")");
            } catch (RuntimeException e) {
                throw new IllegalStateException(script + ": " + e.getMessage() + " (nothing was changed)", e);
            }
        }
        return 0;
    }

    private static String summary(Catalog before, Catalog after) {
        return "message types " + after.messageTypes().size() + delta(before.messageTypes().size(), after.messageTypes().size())
                + ", contracts " + after.contracts().size() + delta(before.contracts().size(), after.contracts().size())
                + ", queues " + after.queues().size() + delta(before.queues().size(), after.queues().size())
                + ", services " + after.services().size() + delta(before.services().size(), after.services().size())
                + ", routes " + after.routes().size() + delta(before.routes().size(), after.routes().size());
    }

    private static String delta(int before, int after) {
        return after == before ? "" : after > before ? " (+" + (after - before) + ")" : " (" + (after - before) + ")";
    }
}
