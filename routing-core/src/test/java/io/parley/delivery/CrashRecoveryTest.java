package io.parley.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.dialog.Dialogs;
import io.parley.dialog.Receive;
import io.parley.dialog.ReceivedMessage;
import io.parley.store.Transaction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost and nothing is doubled when a node is killed: a sender in another JVM commits
 * messages across two brokers of its node until SIGKILL; after a restart every message it reported
 * committed is received exactly once, in order per dialog, and nothing else appears but, at most, the
 * one message per dialog that was committed in the instant before the kill and not yet reported.
 */
class CrashRecoveryTest {
    private static final int COMMITS_BEFORE_KILL = 150;

    @TempDir
    Path dir;

    @Test
    void everyCommittedMessageArrivesOnceInOrderAfterSigkill() throws Exception {
        try (Node node = Node.open(NodeConfig.of("crash", dir, "AW", "DB2"))) {
            node.broker("AW").execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ;");
            node.broker("DB2").execute("CREATE QUEUE SvcQ; CREATE SERVICE Svc ON QUEUE SvcQ ([DEFAULT]);");
        }
        Set<String> committed = runSenderAndKillIt();
        assertThat(committed).hasSizeGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);

        Map<String, List<Long>> receivedPerDialog = new HashMap<>();
        try (Node node = Node.open(NodeConfig.of("crash", dir, "AW", "DB2"))) {
            Dialogs dialogs = node.broker("DB2").dialogs();
            Set<String> stillMissing = new HashSet<>(committed);
            while (true) {
                try (Transaction tx = dialogs.begin()) {
                    Duration wait = stillMissing.isEmpty() ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
                    List<ReceivedMessage> batch = dialogs.receive(tx, Receive.from("SvcQ").waitFor(wait));
                    tx.commit();
                    if (batch.isEmpty()) {
                        break;
                    }
                    for (ReceivedMessage m : batch) {
                        String id = new String(m.body(), StandardCharsets.UTF_8);
                        stillMissing.remove(id);
                        receivedPerDialog.computeIfAbsent(id.substring(0, id.indexOf('-')), k -> new ArrayList<>())
                                .add(Long.parseLong(id.substring(id.indexOf('-') + 1)));
                    }
                }
            }
            assertThat(stillMissing).as("committed messages never received").isEmpty();
        }
        for (Map.Entry<String, List<Long>> dialog : receivedPerDialog.entrySet()) {
            List<Long> numbers = dialog.getValue();
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).as("message %d of dialog %s, in order and once", i, dialog.getKey())
                        .isEqualTo((long) i);
            }
            long lastReported = committed.stream().filter(id -> id.startsWith(dialog.getKey() + "-"))
                    .mapToLong(id -> Long.parseLong(id.substring(id.indexOf('-') + 1))).max().orElse(-1);
            assertThat(numbers.size() - 1L).as("dialog %s has nothing beyond the one unreported commit", dialog.getKey())
                    .isLessThanOrEqualTo(lastReported + 1);
        }
    }

    private Set<String> runSenderAndKillIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sender = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingSender.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> committed = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(sender.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("COMMITTED ")) {
                    committed.add(line.substring("COMMITTED ".length()));
                }
                if (committed.size() == COMMITS_BEFORE_KILL) {
                    // SIGKILL from outside, so this end of the pipe stays open and still reads every
                    // line the sender printed before it died.
                    new ProcessBuilder("kill", "-9", Long.toString(sender.pid())).start().waitFor();
                }
            }
        } finally {
            sender.destroyForcibly();
            assertThat(sender.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        return committed;
    }
}
