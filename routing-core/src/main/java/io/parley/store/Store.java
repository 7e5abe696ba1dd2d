package io.parley.store;

import io.parley.catalog.StoreKind;
import io.parley.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * One open broker store. Opening creates the database on first use, brings its schema up to date,
 * and on creation gives it a random broker instance id that never changes afterwards (R-OBJ-28,
 * R-OBJ-30) together with the system catalog objects. A store is open in at most one place: another
 * process gets {@link StoreException.Kind#IN_USE}, and so does a second open in this process.
 */
public final class Store implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Store.class.getName());
    private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private static final String NAME_KEY = "broker_name";
    static final String ID_KEY = "broker_instance_id";
    private static final String ROLE_KEY = "store_role";
    private static final String ENABLED_KEY = "broker_enabled";
    private static final String CREATED_KEY = "created_at";

    private final StoreConfig config;
    /** Idle connections kept: enough for the engine's own threads and a few callers at once. */
    private static final int MAX_IDLE_CONNECTIONS = 16;

    private final ConnectionPool connections;
    private final XaBranches xaBranches = new XaBranches();
    private final String name;
    private final StoreKind kind;
    private final UUID brokerInstanceId;
    private final boolean brokerEnabled;
    private volatile boolean closed;

    private Store(StoreConfig config, DataSource dataSource, String name, StoreKind kind, UUID brokerInstanceId,
                  boolean brokerEnabled) {
        this.config = config;
        this.connections = new ConnectionPool(dataSource, MAX_IDLE_CONNECTIONS);
        this.name = name;
        this.kind = kind;
        this.brokerInstanceId = brokerInstanceId;
        this.brokerEnabled = brokerEnabled;
    }

    /**
     * Opens the store at {@code config}, creating it as a store of {@code kind} named {@code name}
     * if there is none yet. An existing store must have been created with the same kind and name.
     *
     * @throws StoreException when the directory is not writable, the store is in use elsewhere,
     *                        its schema is newer than this code, or it is not the expected store
     */
    public static Store open(StoreConfig config, StoreKind kind, String name) {
        if (!OPEN_IN_THIS_PROCESS.add(config.directory())) {
            throw new StoreException(StoreException.Kind.IN_USE, config + " is already open in this process");
        }
        try {
            Store store = openUnregistered(config, kind, name);
            LOG.log(System.Logger.Level.INFO, "opened {0} ''{1}'' ({2}), broker instance {3}",
                    kind.name().toLowerCase(), name, config, store.brokerInstanceId);
            store.warnOfBranchesInDoubt();
            return store;
        } catch (RuntimeException e) {
            OPEN_IN_THIS_PROCESS.remove(config.directory());
            throw e;
        }
    }

    private static Store openUnregistered(StoreConfig config, StoreKind kind, String name) {
        SqlDialect dialect = config.dialect();
        boolean create = !dialect.exists(config);
        if (create) {
            requireWritableDirectory(config.directory());
        }
        DataSource dataSource = dialect.dataSource(config, create);
        try (Connection c = dataSource.getConnection()) {
            new SchemaInstaller(dialect).migrate(c, config, SchemaInstaller.CURRENT_VERSION);
            Map<String, String> info = readInfo(c);
            if (!info.containsKey(ID_KEY)) {
                info = initialize(c, name, kind);
            }
            Store store = new Store(config, dataSource, info.get(NAME_KEY), StoreKind.valueOf(info.get(ROLE_KEY)),
                    UUID.fromString(info.get(ID_KEY)), Boolean.parseBoolean(info.get(ENABLED_KEY)));
            store.requireIdentity(kind, name);
            return store;
        } catch (SQLException e) {
            throw dialect.translate(e, config, "open");
        } catch (RuntimeException e) {
            shutdownQuietly(config);
            throw e;
        }
    }

    /**
     * Branches prepared before the last stop keep their rows locked until a transaction manager
     * commits or rolls them back; until then RECEIVE waits on those rows, so the operator is told.
     */
    private void warnOfBranchesInDoubt() {
        try (XaStoreConnection xa = openXaConnection()) {
            Xid[] inDoubt = xa.xaResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            if (inDoubt.length > 0) {
                LOG.log(System.Logger.Level.WARNING, "{0} holds {1} prepared XA transaction branch(es) in doubt; their"
                        + " messages stay locked until the transaction manager that prepared them recovers them", config,
                        inDoubt.length);
            }
        } catch (XAException | StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not list the XA transaction branches in doubt in " + config, e);
        }
    }

    private void requireIdentity(StoreKind expectedKind, String expectedName) {
        if (kind != expectedKind || !name.equals(expectedName)) {
            shutdownQuietly(config);
            throw new StoreException(StoreException.Kind.INVALID, config + " belongs to " + kind.name().toLowerCase()
                    + " '" + name + "', not to " + expectedKind.name().toLowerCase() + " '" + expectedName
                    + "'; check the store directories in the node configuration");
        }
    }

    private static Map<String, String> initialize(Connection c, String name, StoreKind kind) throws SQLException {
        c.setAutoCommit(false);
        try {
            Map<String, String> info = new HashMap<>();
            info.put(NAME_KEY, name);
            info.put(ID_KEY, UUID.randomUUID().toString());
            info.put(ROLE_KEY, kind.name());
            info.put(ENABLED_KEY, "true");
            info.put(CREATED_KEY, Instant.now().toString());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO PARLEY.STORE_INFO (NAME, VALUE) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : info.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            new CatalogStore().save(c, Catalog.empty(), Catalog.initial());
            c.commit();
            return info;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Map<String, String> readInfo(Connection c) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME, VALUE FROM PARLEY.STORE_INFO");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                info.put(rs.getString(1), rs.getString(2));
            }
        }
        return info;
    }

    private static void requireWritableDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".parley-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new StoreException(StoreException.Kind.NOT_WRITABLE,
                    "store directory " + directory + " is not writable: " + e, e);
        }
    }

    /** The broker's name, fixed when the store was created. */
    public String name() {
        return name;
    }

    public StoreKind kind() {
        return kind;
    }

    /** The broker instance id (service_broker_guid), fixed when the store was created. */
    public UUID brokerInstanceId() {
        return brokerInstanceId;
    }

    /** Whether message delivery is active for this broker ({@code is_broker_enabled}, R-OBJ-29). */
    public boolean isBrokerEnabled() {
        return brokerEnabled;
    }

    public StoreConfig config() {
        return config;
    }

    /** The schema version of the store, read from the store itself. */
    public int schemaVersion() {
        return inTransaction(c -> new SchemaInstaller(config.dialect()).versionOf(c));
    }

    /**
     * Runs {@code work} in one engine transaction, so it can register completion callbacks:
     * committed if it returns, rolled back if it throws.
     */
    public <T> T inTransactionWith(TransactionWork<T> work) {
        try (Transaction tx = begin()) {
            T result = work.run(tx);
            tx.commit();
            return result;
        } catch (SQLException e) {
            throw config.dialect().translate(e, config, "update");
        }
    }

    /** A connection for one transaction (auto-commit off); it goes back with {@link #release}. */
    Connection borrowConnection() throws SQLException {
        if (closed) {
            throw new StoreException(StoreException.Kind.INVALID, config + " is closed");
        }
        return connections.borrow();
    }

    /** Takes back a borrowed connection; {@code reusable} is false if its transaction did not end cleanly. */
    void release(Connection c, boolean reusable) {
        connections.release(c, reusable);
    }

    /**
     * Opens an XA connection to this store, whose XAResource a transaction manager enlists; the
     * caller closes it. Work done through it belongs to the global transaction it is enlisted in.
     */
    public XaStoreConnection openXaConnection() {
        if (closed) {
            throw new StoreException(StoreException.Kind.INVALID, config + " is closed");
        }
        try {
            return XaStoreConnection.open(this, config.dialect().xaDataSource(config).getXAConnection());
        } catch (SQLException e) {
            throw config.dialect().translate(e, config, "open an XA connection to");
        }
    }

    /**
     * Opens a new JDBC connection to this store's own database for an application that keeps its
     * tables there (auto-commit off, read committed); the caller closes it. Hand it to
     * {@link #transactionsOn} to run engine work in the same local transaction.
     */
    public Connection openApplicationConnection() {
        if (closed) {
            throw new StoreException(StoreException.Kind.INVALID, config + " is closed");
        }
        try {
            return connections.openUnpooled();
        } catch (SQLException e) {
            throw config.dialect().translate(e, config, "open an application connection to");
        }
    }

    /**
     * Engine transactions on an application's own connection to this store's database: the
     * engine's SQL and the application's commit or roll back together in one local transaction, with
     * no XA. Each transaction the supplier gives continues the connection's current one; its
     * {@code commit} and {@code rollback} end it, and the connection stays open and the application's.
     *
     * @throws StoreException ({@link StoreException.Kind#INVALID}) when the connection is to another
     *                        database, has auto-commit on, or is closed
     */
    public Supplier<Transaction> transactionsOn(Connection application) {
        ApplicationConnections.requireSameDatabase(application, this);
        return () -> Transaction.onSharedConnection(application, this);
    }

    XaBranches xaBranches() {
        return xaBranches;
    }

    /** Begins an engine transaction on a pooled connection; the caller commits or rolls it back. */
    public Transaction begin() {
        return Transaction.begin(this);
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws, so no
     * half of it is ever stored.
     */
    public <T> T inTransaction(Work<T> work) {
        try (Transaction tx = begin()) {
            T result = work.run(tx.connection());
            tx.commit();
            return result;
        } catch (SQLException e) {
            throw config.dialect().translate(e, config, "update");
        }
    }

    /** Closes the store; its files and lock are released for other processes. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            connections.close();
            try {
                config.dialect().shutdown(config);
            } finally {
                OPEN_IN_THIS_PROCESS.remove(config.directory());
            }
        }
    }

    private static void shutdownQuietly(StoreConfig config) {
        try {
            config.dialect().shutdown(config);
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.DEBUG, "shutdown after failed open of " + config, e);
        }
    }

    /** Work done inside {@link #inTransactionWith}. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Transaction transaction) throws SQLException;
    }

    /** Work done inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
