package io.parley;

import io.parley.catalog.Catalog;
import io.parley.catalog.Service;
import io.parley.catalog.ddl.DdlException;
import io.parley.catalog.ddl.DdlScript;
import io.parley.catalog.ddl.ExecutionContext;
import io.parley.catalog.StoreKind;
import io.parley.dialog.Dialogs;
import io.parley.routing.BrokerView;
import io.parley.routing.NodeView;
import io.parley.routing.RouteTable;
import io.parley.store.CatalogStore;
import io.parley.store.ManagementViews;
import io.parley.store.Store;
import io.parley.store.StoreConfig;
import io.parley.store.ViewRows;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A broker: one store, its broker instance id and its catalog. DDL scripts run here all or nothing:
 * the whole script is checked against the current catalog first, then the resulting catalog is
 * written in one store transaction, and only after that commits does {@link #catalog()} change.
 */
public final class Broker implements AutoCloseable {
    private final Store store;
    private final Clock clock;
    private final CatalogStore catalogStore = new CatalogStore();
    private final Dialogs dialogs;
    private volatile Catalog catalog;
    private volatile Supplier<NodeView> node = this::aloneOnItsNode;
    private volatile Consumer<Catalog> scriptListener = catalog -> { };

    private Broker(Store store, Clock clock, Catalog catalog) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
        this.dialogs = new Dialogs(store, this::catalog, () -> node.get(), clock, this::execute);
    }

    /** Opens (creating if needed) the store at {@code config} as broker {@code name}. */
    public static Broker open(StoreConfig config, StoreKind kind, String name) {
        return open(config, kind, name, Clock.systemUTC());
    }

    /** As {@link #open(StoreConfig, StoreKind, String)}, with the clock that DDL LIFETIME counts from. */
    public static Broker open(StoreConfig config, StoreKind kind, String name, Clock clock) {
        Store store = Store.open(config, kind, name);
        try {
            return new Broker(store, clock, store.inTransaction(new CatalogStore()::loadEnsuringQueueViews));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public String name() {
        return store.name();
    }

    public StoreKind kind() {
        return store.kind();
    }

    public UUID brokerInstanceId() {
        return store.brokerInstanceId();
    }

    /** Whether message delivery is active for this broker (R-OBJ-29). */
    public boolean isEnabled() {
        return store.isBrokerEnabled();
    }

    public Path storeDirectory() {
        return store.config().directory();
    }

    /** The store, for the engine's own packages. */
    public Store store() {
        return store;
    }

    /** The current catalog snapshot. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Runs a DDL script: every statement or none.
     *
     * @return the catalog after the script
     * @throws DdlException for a syntax or semantic error, with line and column; nothing is stored
     */
    public synchronized Catalog execute(String script) {
        Catalog before = catalog;
        Catalog after = DdlScript.run(script, before, new ExecutionContext(clock.instant(), store.kind()));
        store.inTransaction(c -> {
            catalogStore.save(c, before, after);
            return null;
        });
        catalog = after;
        scriptListener.accept(after);
        return after;
    }

    /** The conversation statements of this broker: BEGIN DIALOG, SEND, RECEIVE, END. */
    public Dialogs dialogs() {
        return dialogs;
    }

    /** Tells {@code listener} the new catalog after each script that committed, on the script's thread. */
    void afterEachScript(Consumer<Catalog> listener) {
        this.scriptListener = listener;
    }

    /** Routes this broker's messages with the view of the node that hosts it. */
    void hostedBy(Supplier<NodeView> nodeView) {
        this.node = nodeView;
    }

    /** Routing for a broker opened on its own: a node with this broker only, no node-level routes. */
    private NodeView aloneOnItsNode() {
        Set<String> services = catalog.services().stream().map(Service::name).collect(Collectors.toSet());
        BrokerView self = new BrokerView(brokerInstanceId(), isEnabled(), services, RouteTable.of(catalog.routes()));
        return new NodeView(List.of(self), RouteTable.of(), Set.of(), false);
    }

    /** Reads a management view named as in {@link ManagementViews#NAMES}. */
    public ViewRows view(String name) {
        return store.inTransaction(c -> ManagementViews.read(c, name));
    }

    @Override
    public void close() {
        try {
            dialogs.close();
        } finally {
            store.close();
        }
    }
}
