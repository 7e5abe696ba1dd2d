package io.parley.store;

import io.parley.catalog.StoreKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.catalog.BrokerEndpoint;
import io.parley.catalog.Catalog;
import io.parley.catalog.Contract;
import io.parley.catalog.EndpointState;
import io.parley.catalog.MessageType;
import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import io.parley.catalog.SentBy;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private Store open(String name) {
        return Store.open(StoreConfig.derby(dir.resolve(name)), StoreKind.BROKER, name);
    }

    @Test
    void newStoreGetsABrokerIdThatSurvivesReopenAndDiffersPerStore() {
        UUID first;
        UUID other;
        try (Store a = open("a"); Store b = open("b")) {
            first = a.brokerInstanceId();
            other = b.brokerInstanceId();
            assertThat(a.schemaVersion()).isEqualTo(SchemaInstaller.CURRENT_VERSION);
        }
        assertThat(first).isNotEqualTo(other);
        try (Store a = open("a")) {
            assertThat(a.brokerInstanceId()).isEqualTo(first);
            assertThat(a.name()).isEqualTo("a");
            assertThat(a.kind()).isEqualTo(StoreKind.BROKER);
        }
    }

    /** Schema 8: Derby reserves identity values 1000 at a time, so concurrent inserts rarely race for a range. */
    @Test
    void derbyReservesIdentityValuesInLargeRanges() {
        try (Store store = open("a")) {
            String preallocated = store.inTransaction(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY('derby.language.sequence.preallocator')")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(preallocated).isEqualTo("1000");
        }
    }

    @Test
    void newStoreHoldsTheSystemObjects() throws Exception {
        try (Store store = open("a"); Transaction tx = store.begin()) {
            Connection c = tx.connection();
            assertThat(new CatalogStore().load(c)).isEqualTo(Catalog.initial());
            ViewRows types = ManagementViews.read(c, "service_message_types");
            assertThat(types.rows()).extracting(r -> r.get(0))
                    .containsExactlyInAnyOrderElementsOf(SystemObjects.MESSAGE_TYPES.stream().map(MessageType::name).toList());
            ViewRows routes = ManagementViews.read(c, "routes");
            assertThat(routes.columns()).containsExactly("name", "route_id", "principal_id", "remote_service_name",
                    "broker_instance", "lifetime", "address", "mirror_address");
            assertThat(routes.rows()).singleElement()
                    .satisfies(r -> assertThat(r).containsExactly("AutoCreatedLocal", "1", "1", null, null, null, "LOCAL", null));
            ViewRows databases = ManagementViews.read(c, "databases");
            assertThat(databases.rows()).singleElement()
                    .satisfies(r -> assertThat(r).containsExactly("a", store.brokerInstanceId().toString(), "1", "0", "BROKER"));
        }
    }

    @Test
    void catalogChangesAreDurableAndKeepRowIds() throws Exception {
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        UUID broker = UUID.randomUUID();
        Map<String, SentBy> types = new LinkedHashMap<>();
        types.put("//Orders/Submit", SentBy.INITIATOR);
        types.put("//Orders/Ack", SentBy.TARGET);
        Catalog before = Catalog.initial();
        Catalog after = before
                .withMessageType(new MessageType("//Orders/Submit", Validation.WELL_FORMED_XML))
                .withMessageType(new MessageType("//Orders/Ack", Validation.VALID_JSON))
                .withContract(new Contract("//Orders/Contract", types))
                .withQueue(new ServiceQueue("OrdersQ", false, true, false, true, 4, "dbo.Activate"))
                .withService(new Service("//Orders", "OrdersQ", Set.of("//Orders/Contract")))
                .withRoute(new Route("ToOrders", "//Orders", broker, new RouteAddress.Tcp("h1", 4022),
                        new RouteAddress.Tcp("h2", 4022), expiry))
                .withoutRoute(SystemObjects.AUTO_CREATED_LOCAL)
                .withEndpoint(new BrokerEndpoint("BrokerEndpoint", EndpointState.STARTED, 4022, "127.0.0.1", true, 5));
        try (Store store = open("a")) {
            store.inTransaction(c -> {
                new CatalogStore().save(c, before, after);
                return null;
            });
        }
        try (Store store = open("a"); Transaction tx = store.begin()) {
            Connection c = tx.connection();
            Catalog loaded = new CatalogStore().load(c);
            assertThat(loaded).isEqualTo(after);
            assertThat(loaded.route("ToOrders").orElseThrow().expiresAt()).isEqualTo(expiry);

            Catalog altered = loaded.withService(new Service("//Orders", "OrdersQ", Set.of()))
                    .withoutContract("//Orders/Contract");
            String serviceIdBefore = ManagementViews.read(c, "services").rows().get(0).get(1);
            c.setAutoCommit(false);
            new CatalogStore().save(c, loaded, altered);
            c.commit();
            c.setAutoCommit(true);
            assertThat(new CatalogStore().load(c)).isEqualTo(altered);
            assertThat(ManagementViews.read(c, "services").rows().get(0).get(1)).isEqualTo(serviceIdBefore);
            assertThat(ManagementViews.read(c, "service_contract_usages").rows()).isEmpty();
        }
    }

    @Test
    void olderStoreIsMigratedKeepingItsIdentity() throws Exception {
        UUID id;
        try (Store store = open("a")) {
            id = store.brokerInstanceId();
            store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA DBO RESTRICT");
                    st.execute("DROP INDEX PARLEY.MESSAGES_IN_RECEIVE_ORDER");
                    st.execute("DROP INDEX PARLEY.MESSAGES_IN_ARRIVAL_ORDER");
                    st.execute("CREATE INDEX PARLEY.MESSAGES_BY_QUEUE ON PARLEY.QUEUE_MESSAGES (QUEUE_ID, STATUS, GROUP_ID)");
                    st.execute("DROP VIEW SB.SERVICE_QUEUES");
                    st.execute("DROP VIEW SB.QUEUE_MESSAGES");
                    for (String column : List.of("DELIVERY_COUNT", "DEAD_LETTER_SOURCE", "DEAD_LETTER_DELIVERIES")) {
                        st.execute("ALTER TABLE PARLEY.QUEUE_MESSAGES DROP COLUMN " + column);
                    }
                    for (String column : List.of("MAX_DELIVERIES", "DEAD_LETTER_QUEUE")) {
                        st.execute("ALTER TABLE PARLEY.QUEUES DROP COLUMN " + column);
                    }
                    st.execute(createView("schema-2.sql", "SB.SERVICE_QUEUES"));
                    st.execute(createView("schema-3.sql", "SB.QUEUE_MESSAGES"));
                    st.execute("UPDATE PARLEY.STORE_INFO SET VALUE = '3' WHERE NAME = 'schema_version'");
                    st.execute("INSERT INTO PARLEY.QUEUES (NAME, IS_ENABLED, IS_RETENTION_ENABLED, IS_POISON_HANDLING_ENABLED,"
                            + " IS_ACTIVATION_ENABLED, MAX_READERS) VALUES ('OldQ', TRUE, FALSE, TRUE, FALSE, 0)");
                    st.execute("INSERT INTO PARLEY.QUEUE_MESSAGES (QUEUE_ID, STATUS, PRIORITY, GROUP_ID, HANDLE, SEQUENCE_NUMBER,"
                            + " RECEIVE_RANK, SERVICE_NAME, CONTRACT_NAME, MESSAGE_TYPE, VALIDATION, MESSAGE_ID, ENQUEUE_TIME)"
                            + " SELECT ID, 1, 5, '" + UUID.randomUUID() + "', '" + UUID.randomUUID() + "', 0, 2, 'Svc', 'DEFAULT',"
                            + " 'DEFAULT', 'N', '" + UUID.randomUUID() + "', CURRENT_TIMESTAMP FROM PARLEY.QUEUES WHERE NAME = 'OldQ'");
                }
                return null;
            });
            assertThat(store.schemaVersion()).isEqualTo(3);
        }
        try (Store store = open("a"); Transaction tx = store.begin()) {
            Connection c = tx.connection();
            assertThat(store.schemaVersion()).isEqualTo(SchemaInstaller.CURRENT_VERSION);
            assertThat(store.brokerInstanceId()).isEqualTo(id);
            assertThat(ManagementViews.read(c, "routes").rows()).hasSize(1);
            assertThat(new CatalogStore().load(c).queue("OldQ")).contains(ServiceQueue.withDefaults("OldQ"));
            ViewRows messages = ManagementViews.read(c, "queue_messages");
            assertThat(messages.rows()).singleElement().satisfies(row -> {
                assertThat(row.get(messages.columns().indexOf("queue_name"))).isEqualTo("OldQ");
                assertThat(row.get(messages.columns().indexOf("delivery_count"))).isEqualTo("0");
                assertThat(row.get(messages.columns().indexOf("dead_letter_source"))).isNull();
            });
            new CatalogStore().loadEnsuringQueueViews(c);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM DBO.\"OldQ\"")) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(15);
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("STATUS");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("STATUS")).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    /** The CREATE VIEW statement of {@code view} in an earlier schema script. */
    private static String createView(String script, String view) {
        return SqlScript.load(script).stream().filter(sql -> sql.startsWith("CREATE VIEW " + view + " ")).findFirst()
                .orElseThrow();
    }

    @Test
    void newerStoreIsRefusedWithItsVersion() {
        try (Store store = open("a")) {
            store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE PARLEY.STORE_INFO SET VALUE = '99' WHERE NAME = 'schema_version'");
                }
                return null;
            });
        }
        assertThatThrownBy(() -> open("a"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer than the version " + SchemaInstaller.CURRENT_VERSION)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.NEWER_SCHEMA);
    }

    @Test
    void secondProcessGetsAClearInUseError() throws Exception {
        Path location = dir.resolve("shared");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreHolder.class.getName(), location.toString(), "shared")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("OPEN ");
            assertThatThrownBy(() -> Store.open(StoreConfig.derby(location), StoreKind.BROKER, "shared"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by another process")
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.IN_USE);
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Store store = Store.open(StoreConfig.derby(location), StoreKind.BROKER, "shared")) {
            assertThat(store.name()).isEqualTo("shared");
        }
    }

    @Test
    void secondOpenInThisProcessIsRefused() {
        try (Store store = open("a")) {
            assertThatThrownBy(() -> open("a"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("already open in this process");
            assertThat(store.schemaVersion()).isEqualTo(SchemaInstaller.CURRENT_VERSION);
        }
    }

    @Test
    void storeOfAnotherBrokerOrRoleIsRefused() {
        open("a").close();
        assertThatThrownBy(() -> Store.open(StoreConfig.derby(dir.resolve("a")), StoreKind.BROKER, "b"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("belongs to broker 'a', not to broker 'b'");
        assertThatThrownBy(() -> Store.open(StoreConfig.derby(dir.resolve("a")), StoreKind.NODE, "a"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not to node 'a'");
    }

    @Test
    void unwritableDirectoryIsReportedBeforeDerbyTouchesIt() throws Exception {
        Path target = unwritableDirectory().resolve("store");
        assertThatThrownBy(() -> Store.open(StoreConfig.derby(target), StoreKind.BROKER, "a"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store directory " + target + " is not writable")
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.NOT_WRITABLE);
    }

    /** A directory this process cannot write in; root ignores permission bits, but not procfs. */
    private Path unwritableDirectory() throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/proc/self");
        }
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        assertThat(readOnly.toFile().setWritable(false, false)).isTrue();
        return readOnly;
    }

    @Test
    void aLockConflictIsReportedAsAConflictToRetry() throws Exception {
        try (Store store = open("a")) {
            store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
                }
                return null;
            });
            try (Transaction holder = store.begin()) {
                try (Statement st = holder.connection().createStatement()) {
                    st.executeUpdate("UPDATE PARLEY.STORE_INFO SET VALUE = VALUE WHERE NAME = 'created_at'");
                }
                assertThatThrownBy(() -> store.inTransaction(c -> {
                    try (Statement st = c.createStatement()) {
                        return st.executeUpdate("UPDATE PARLEY.STORE_INFO SET VALUE = VALUE WHERE NAME = 'created_at'");
                    }
                }))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("waited too long for a lock; roll the transaction back and run it again")
                        .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.CONFLICT);
            }
        }
    }

    @Test
    void viewNamesResolveAsUsersWriteThem() {
        assertThat(ManagementViews.resolve("sys.routes")).contains("routes");
        assertThat(ManagementViews.resolve("SB.SERVICE_QUEUES")).contains("service_queues");
        assertThat(ManagementViews.resolve("services")).contains("services");
        assertThat(ManagementViews.resolve("dbo.routes")).isEmpty();
        assertThat(ManagementViews.resolve("sys.transmission_queue")).contains("transmission_queue");
        assertThat(ManagementViews.resolve("sys.dm_broker_connections")).isEmpty();
        assertThat(List.copyOf(ManagementViews.NAMES)).doesNotHaveDuplicates();
    }
}
