package io.parley.server.cli;

import io.parley.Broker;
import io.parley.Node;
import io.parley.store.ManagementViews;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley views [NAME]}: prints one management view of a broker, or lists the views. */
@Command(name = "views", description = "Print a management view (sys.routes, services, ...) of a broker, or list the views.")
final class ViewsCommand implements Callable<Integer> {
    @Mixin
    NodeOptions target;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The view, e.g. routes, sys.services or SB.SERVICE_QUEUES.")
    String view;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (view == null) {
            ManagementViews.NAMES.forEach(name -> spec.commandLine().getOut().println("sys." + name));
            return 0;
        }
        String name = ManagementViews.resolve(view).orElseThrow(() -> new IllegalArgumentException(
                "unknown view '" + view + "'; known views: " + String.join(", ", ManagementViews.NAMES)));
        try (Node node = target.openNode()) {
            Broker broker = target.selectBroker(node);
            ViewTable.print(broker.view(name), spec.commandLine().getOut());
        }
        return 0;
    }
}
