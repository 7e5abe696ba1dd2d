package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.await;
import static io.parley.delivery.SingleNodeHarness.text;
import static io.parley.delivery.SingleNodeHarness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost and nothing is doubled when the receiving node dies: node I1 in this JVM sends on
 * several dialogs, one commit per message, to a target node in a child JVM; the target is killed
 * with SIGKILL while messages are in flight and started again on the same directory and port.
 * Every message I1 committed is then in the target's queue exactly once, in order per dialog.
 */
class TargetCrashTest {
    private static final int DIALOGS = 4;
    private static final int PER_DIALOG = 60;

    @TempDir
    Path dir;

    @Test
    void everyCommittedMessageArrivesOnceInOrderAcrossASigkillOfTheTarget() throws Exception {
        int targetPort = FreePorts.pick();
        Path targetDir = dir.resolve("target");
        Set<String> committed = ConcurrentHashMap.newKeySet();
        try (Node i1 = NetworkNodes.open(dir, "i1", "AW")) {
            Broker aw = i1.broker("AW");
            aw.execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ ([DEFAULT]);"
                    + "CREATE ROUTE ToTgt WITH SERVICE_NAME = 'Tgt', ADDRESS = '" + NetworkNodes.address(targetPort) + "';");
            NetworkNodes.listen(i1, FreePorts.pick());

            Process target = startTarget(targetDir, targetPort);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendAll(aw, committed));
            await("some messages delivered and some still in flight", () -> committed.size() >= PER_DIALOG
                    && pendingRows(aw) > 0 && pendingRows(aw) < committed.size());
            new ProcessBuilder("kill", "-9", Long.toString(target.pid())).start().waitFor();
            assertThat(target.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(NetworkNodes.RETRY.delayAfter(3).toMillis());

            target = startTarget(targetDir, targetPort);
            sending.get(120, TimeUnit.SECONDS);
            await("I1's transmission queue to empty", () -> pendingRows(aw) == 0);
            target.getOutputStream().close();
            assertThat(target.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).hasSize(DIALOGS * PER_DIALOG);

        Map<String, List<Integer>> received = new HashMap<>();
        try (Node target = Node.open(NodeConfig.of("target", targetDir, "T"))) {
            Dialogs dialogs = target.broker("T").dialogs();
            while (true) {
                try (Transaction tx = dialogs.begin()) {
                    List<ReceivedMessage> batch = dialogs.receive(tx, Receive.from("TgtQ").waitFor(Duration.ofMillis(500)));
                    tx.commit();
                    if (batch.isEmpty()) {
                        break;
                    }
                    for (ReceivedMessage m : batch) {
                        String body = text(m.body());
                        received.computeIfAbsent(body.substring(0, body.indexOf('-')), k -> new ArrayList<>())
                                .add(Integer.parseInt(body.substring(body.indexOf('-') + 1)));
                    }
                }
            }
        }
        assertThat(received).hasSize(DIALOGS);
        List<Integer> inOrder = java.util.stream.IntStream.range(0, PER_DIALOG).boxed().toList();
        received.forEach((dialog, numbers) -> assertThat(numbers).as("dialog %s, once each and in order", dialog)
                .isEqualTo(inOrder));
    }

    private static int pendingRows(Broker aw) {
        return aw.view("transmission_queue").rows().size();
    }

    /** One commit per message, round robin over the dialogs, recording each message once committed. */
    private static void sendAll(Broker aw, Set<String> committed) {
        Dialogs dialogs = aw.dialogs();
        ConversationHandle[] handles = new ConversationHandle[DIALOGS];
        try (Transaction tx = dialogs.begin()) {
            for (int d = 0; d < DIALOGS; d++) {
                handles[d] = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            }
            tx.commit();
        }
        for (int n = 0; n < PER_DIALOG; n++) {
            for (int d = 0; d < DIALOGS; d++) {
                String body = "d" + d + "-" + n;
                try (Transaction tx = dialogs.begin()) {
                    dialogs.send(tx, handles[d], utf8(body));
                    tx.commit();
                }
                committed.add(body);
            }
        }
    }

    private Process startTarget(Path targetDir, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TargetNode.class.getName(),
                targetDir.toString(), Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("target.log").toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("READY")) {
                        return line;
                    }
                }
                return "ended";
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        assertThat(ready.get(90, TimeUnit.SECONDS)).as("the target node's start; its log is in %s", dir.resolve("target.log"))
                .isEqualTo("READY");
        return process;
    }
}
