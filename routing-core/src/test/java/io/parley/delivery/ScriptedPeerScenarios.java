package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.utf8;

import io.parley.Broker;
import io.parley.Node;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.store.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scripted-peer scenario tests share: node i1 with brokers AW (sending service Client) and
 * DB2, listening on a free port of 127.0.0.1, and the scripted peers a test starts, all closed after
 * each test.
 */
abstract class ScriptedPeerScenarios {
    @TempDir
    Path dir;

    Node i1;
    Broker aw;
    Broker db2;
    int port;
    private final List<ScriptedPeer> peers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        port = FreePorts.pick();
        i1 = NetworkNodes.open(dir, "i1", "AW", "DB2");
        aw = i1.broker("AW");
        db2 = i1.broker("DB2");
        aw.execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ ([DEFAULT]);");
        NetworkNodes.listen(i1, port);
    }

    @AfterEach
    void tearDown() {
        peers.forEach(ScriptedPeer::close);
        i1.close();
    }

    ScriptedPeer peer(String name, UUID broker, ScriptedPeer.Answer answer) {
        ScriptedPeer peer = new ScriptedPeer(name, broker, answer);
        peers.add(peer);
        return peer;
    }

    ConversationHandle begin(BeginDialog request, String... bodies) {
        try (Transaction tx = aw.dialogs().begin()) {
            ConversationHandle h = aw.dialogs().beginDialog(tx, request);
            for (String body : bodies) {
                aw.dialogs().send(tx, h, utf8(body));
            }
            tx.commit();
            return h;
        }
    }
}
