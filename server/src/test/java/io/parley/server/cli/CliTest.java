package io.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parley command line run as a real process: exit codes and what it prints. */
class CliTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = Files.writeString(dir.resolve("node.properties"), """
                node.name = test-node
                node.data-dir = data
                node.brokers = Orders
                """);
    }

    private Path script(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void demoExitsZeroAndPrintsTheCatalog() throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "demo", "--dir", dir.resolve("demo").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("SB.SERVICES  (sys.services)")
                .contains("//Shop/Orders")
                .contains("//Shop/OrderContract")
                .contains("OrdersRoute")
                .contains("AutoCreatedLocal")
                .contains("ParleyEndpoint")
                .contains("http://schemas.microsoft.com/SQL/ServiceBroker/EndDialog")
                .contains("'//Shop/Orders' sent by 'Shop': deliver locally to broker 'Orders'")
                .contains("'//Nowhere' sent by 'Orders': DELAYED, transmission_status 9793");
        assertThat(dir.resolve("demo/Orders")).isDirectory();
    }

    @Test
    void sqlAppliesAScriptAndViewsShowIt() throws Exception {
        Path ddl = script("setup.sql", """
                CREATE QUEUE OrdersQueue;
                CREATE SERVICE [//Orders] ON QUEUE OrdersQueue ([DEFAULT]);
                """);
        CliProcess.Result applied = CliProcess.run(dir, "sql", "--config", config.toString(), ddl.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("applied to broker 'Orders'").contains("services 1 (+1)");

        CliProcess.Result services = CliProcess.run(dir, "views", "--config", config.toString(), "sys.services");
        assertThat(services.exitCode()).as(services.err()).isZero();
        assertThat(services.out()).contains("//Orders").contains("(1 row)");
    }

    @Test
    void aFailingScriptChangesNothingAndSaysWhereItFailed() throws Exception {
        CliProcess.Result before = CliProcess.run(dir, "views", "--config", config.toString(), "routes");
        Path ddl = script("bad.sql", """
                CREATE QUEUE Q1;
                CREATE ROUTE R1 WITH ADDRESS = 'tcp://127.0.0.1:4022';
                CREATE SERVICE S1 ON QUEUE Missing;
                """);
        CliProcess.Result r = CliProcess.run(dir, "sql", "--config", config.toString(), ddl.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("parley: " + ddl + ": line 3, column ")
                .contains("Missing")
                .endsWith("(nothing was changed)");
        assertThat(CliProcess.run(dir, "views", "--config", config.toString(), "routes").out()).isEqualTo(before.out());
        assertThat(CliProcess.run(dir, "views", "--config", config.toString(), "service_queues").out()).contains("(0 rows)");
    }

    @Test
    void badConfigurationIsOneLineAndExitOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.properties"), "node.data-dir = data\nnode.colour = blue\n");
        CliProcess.Result r = CliProcess.run(dir, "views", "--config", bad.toString(), "routes");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("parley: ").contains("unknown key 'node.colour'");
    }

    @Test
    void unknownViewAndUnknownBrokerAreErrors() throws Exception {
        CliProcess.Result view = CliProcess.run(dir, "views", "--config", config.toString(), "sys.nope");
        assertThat(view.exitCode()).isEqualTo(1);
        assertThat(view.err()).startsWith("parley: unknown view 'sys.nope'");
        CliProcess.Result broker = CliProcess.run(dir, "views", "--config", config.toString(), "--broker", "Billing", "routes");
        assertThat(broker.exitCode()).isEqualTo(1);
        assertThat(broker.err()).contains("hosts no broker 'Billing'; it hosts: Orders, msdb");
    }

    @Test
    void routeShowsWhereAMessageWouldGo() throws Exception {
        Path ddl = script("routes.sql", """
                CREATE QUEUE OrdersQueue;
                CREATE SERVICE [//Orders] ON QUEUE OrdersQueue;
                CREATE ROUTE Billing WITH SERVICE_NAME = '//Billing', ADDRESS = 'tcp://127.0.0.1:4100';
                """);
        assertThat(CliProcess.run(dir, "sql", "--config", config.toString(), ddl.toString()).exitCode()).isZero();

        CliProcess.Result local = CliProcess.run(dir, "route", "--config", config.toString(), "//Orders");
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).startsWith("'//Orders' sent by broker 'Orders': deliver locally to broker 'Orders'")
                .contains("by route 'AutoCreatedLocal'");
        CliProcess.Result remote = CliProcess.run(dir, "route", "--config", config.toString(), "//Billing");
        assertThat(remote.out()).contains("send to tcp://127.0.0.1:4100 by route 'Billing'");
        CliProcess.Result delayed = CliProcess.run(dir, "route", "--config", config.toString(), "//orders");
        assertThat(delayed.out()).contains("DELAYED, transmission_status 9793");
        CliProcess.Result arriving = CliProcess.run(dir, "route", "--config", config.toString(), "--incoming", "//Billing");
        assertThat(arriving.out()).startsWith("'//Billing' arriving at node 'test-node': dropped, 9796");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "sql");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter");
    }

    @Test
    void nodeStartReportsItsStoresAndReleasesThemOnSigterm() throws Exception {
        Process node = CliProcess.builder(dir, "node", "start", "--config", config.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.startsWith("running"); line = out.readLine()) {
                lines.add(line);
            }
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("node 'msdb'").contains(dir.resolve("data/msdb").toString()));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("broker 'Orders'").contains(dir.resolve("data/Orders").toString()));
            assertThat(lines).contains("no broker endpoint: this node exchanges no network traffic");

            CliProcess.Result whileRunning = CliProcess.run(dir, "views", "--config", config.toString(), "routes");
            assertThat(whileRunning.exitCode()).isEqualTo(1);
            assertThat(whileRunning.err()).contains("in use by another process");
        } finally {
            node.destroy();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        CliProcess.Result after = CliProcess.run(dir, "views", "--config", config.toString(), "routes");
        assertThat(after.exitCode()).as(after.err()).isZero();
    }
}
