package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.store.Store;
import io.parley.store.Transaction;
import io.parley.store.XaStoreConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEND and RECEIVE inside global transaction branches driven through the store's XAResource the
 * way a transaction manager drives it: nothing visible before commit, nothing left after rollback,
 * one-phase commit without prepare, prepared branches surviving a restart and recovered, and the
 * engine's group locks and delivery counts following the outcome.
 */
class XaBranchTest {
    @TempDir
    Path dir;

    private record TestXid(int formatId, byte[] globalId, byte[] branchId) implements Xid {
        static TestXid next() {
            return new TestXid(4711, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), new byte[] {1});
        }

        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return globalId;
        }

        @Override
        public byte[] getBranchQualifier() {
            return branchId;
        }
    }

    private Node open() {
        Node node = Node.open(NodeConfig.of("n1", dir, "AW"));
        if (node.broker("AW").catalog().queue("TgtQ").isEmpty()) {
            node.broker("AW").execute("""
                    CREATE QUEUE ClientQ;
                    CREATE QUEUE TgtQ;
                    CREATE SERVICE Client ON QUEUE ClientQ;
                    CREATE SERVICE Tgt ON QUEUE TgtQ ([DEFAULT]);
                    """);
        }
        return node;
    }

    private static ConversationHandle begin(Dialogs dialogs) {
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle handle = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            tx.commit();
            return handle;
        }
    }

    private static List<String> receiveAll(Dialogs dialogs) {
        try (Transaction tx = dialogs.begin()) {
            List<String> bodies = dialogs.receive(tx, Receive.from("TgtQ").top(100)).stream()
                    .map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
            tx.commit();
            return bodies;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSendInABranchIsInvisibleUntilTheTwoPhaseCommit() throws Exception {
        try (Node node = open(); XaStoreConnection xa = node.broker("AW").store().openXaConnection()) {
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog = begin(dialogs);
            Xid xid = TestXid.next();

            xa.xaResource().start(xid, XAResource.TMNOFLAGS);
            dialogs.send(xa.transaction(), dialog, utf8("one"));
            xa.xaResource().end(xid, XAResource.TMSUCCESS);
            assertThat(xa.xaResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
            assertThat(receiveAll(dialogs)).isEmpty();

            xa.xaResource().commit(xid, false);
            assertThat(receiveAll(dialogs)).containsExactly("one");
        }
    }

    @Test
    void onePhaseCommitWithoutPrepareCommits() throws Exception {
        try (Node node = open(); XaStoreConnection xa = node.broker("AW").store().openXaConnection()) {
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog = begin(dialogs);
            Xid xid = TestXid.next();

            xa.xaResource().start(xid, XAResource.TMNOFLAGS);
            dialogs.send(xa.transaction(), dialog, utf8("one"));
            xa.xaResource().end(xid, XAResource.TMSUCCESS);
            xa.xaResource().commit(xid, true);

            assertThat(receiveAll(dialogs)).containsExactly("one");
        }
    }

    @Test
    void aRolledBackBranchLeavesNothingAndTheDialogSendsOnFromTheSameSequence() throws Exception {
        try (Node node = open(); XaStoreConnection xa = node.broker("AW").store().openXaConnection()) {
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog = begin(dialogs);
            Xid xid = TestXid.next();
            xa.xaResource().start(xid, XAResource.TMNOFLAGS);
            dialogs.send(xa.transaction(), dialog, utf8("lost"));
            xa.xaResource().end(xid, XAResource.TMSUCCESS);
            xa.xaResource().prepare(xid);
            xa.xaResource().rollback(xid);

            Xid second = TestXid.next();
            xa.xaResource().start(second, XAResource.TMNOFLAGS);
            dialogs.send(xa.transaction(), dialog, utf8("kept"));
            xa.xaResource().end(second, XAResource.TMSUCCESS);
            xa.xaResource().commit(second, true);

            try (Transaction tx = dialogs.begin()) {
                List<ReceivedMessage> received = dialogs.receive(tx, Receive.from("TgtQ").top(10));
                assertThat(received).singleElement().satisfies(m -> {
                    assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("kept");
                    assertThat(m.messageSequenceNumber()).isZero();
                });
                tx.commit();
            }
        }
    }

    @Test
    void aReceivingBranchHoldsTheGroupUntilItsOutcomeAndARollbackCountsADelivery() throws Exception {
        try (Node node = open(); XaStoreConnection xa = node.broker("AW").store().openXaConnection()) {
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog = begin(dialogs);
            try (Transaction tx = dialogs.begin()) {
                dialogs.send(tx, dialog, utf8("m"));
                tx.commit();
            }
            Xid xid = TestXid.next();
            xa.xaResource().start(xid, XAResource.TMNOFLAGS);
            assertThat(dialogs.receive(xa.transaction(), Receive.from("TgtQ"))).hasSize(1);
            xa.xaResource().end(xid, XAResource.TMSUCCESS);
            xa.xaResource().prepare(xid);

            assertThat(receiveAll(dialogs)).as("the group is locked by the prepared branch").isEmpty();

            xa.xaResource().rollback(xid);
            try (Transaction tx = dialogs.begin()) {
                assertThat(dialogs.receive(tx, Receive.from("TgtQ"))).singleElement()
                        .satisfies(m -> assertThat(m.deliveryCount()).isEqualTo(1));
                tx.commit();
            }
        }
    }

    @Test
    void aPreparedBranchSurvivesARestartAndIsRecoveredAndCommitted() throws Exception {
        Xid xid = TestXid.next();
        try (Node node = open(); XaStoreConnection xa = node.broker("AW").store().openXaConnection()) {
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog = begin(dialogs);
            xa.xaResource().start(xid, XAResource.TMNOFLAGS);
            dialogs.send(xa.transaction(), dialog, utf8("in doubt"));
            xa.xaResource().end(xid, XAResource.TMSUCCESS);
            assertThat(xa.xaResource().prepare(xid)).isEqualTo(XAResource.XA_OK);
        }
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger storeLog = Logger.getLogger(Store.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        storeLog.addHandler(capture);
        try (Node node = open(); XaStoreConnection xa = node.broker("AW").store().openXaConnection()) {
            storeLog.removeHandler(capture);
            assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage()).contains("in doubt"));
            Xid[] inDoubt = xa.xaResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            assertThat(inDoubt).singleElement().satisfies(found -> {
                assertThat(found.getFormatId()).isEqualTo(xid.getFormatId());
                assertThat(Arrays.equals(found.getGlobalTransactionId(), xid.getGlobalTransactionId())).isTrue();
            });
            xa.xaResource().commit(inDoubt[0], false);

            assertThat(xa.xaResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();
            assertThat(receiveAll(node.broker("AW").dialogs())).containsExactly("in doubt");
        }
    }

    @Test
    void connectionsOfOneStoreAreTheSameResourceManagerAndOthersAreNot() throws Exception {
        try (Node node = open();
             Node otherNode = Node.open(NodeConfig.of("n2", dir.resolve("other"), "Other"));
             XaStoreConnection a = node.broker("AW").store().openXaConnection();
             XaStoreConnection b = node.broker("AW").store().openXaConnection();
             XaStoreConnection other = otherNode.broker("Other").store().openXaConnection()) {
            assertThat(a.xaResource().isSameRM(b.xaResource())).isTrue();
            assertThat(a.xaResource().isSameRM(other.xaResource())).isFalse();
        }
    }

    @Test
    void aBranchFinishedThroughAnotherConnectionOfTheStoreReleasesItsGroupLock() throws Exception {
        try (Node node = open()) {
            Store store = node.broker("AW").store();
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog = begin(dialogs);
            try (Transaction tx = dialogs.begin()) {
                dialogs.send(tx, dialog, utf8("m"));
                tx.commit();
            }
            Xid xid = TestXid.next();
            try (XaStoreConnection first = store.openXaConnection()) {
                first.xaResource().start(xid, XAResource.TMNOFLAGS);
                assertThat(dialogs.receive(first.transaction(), Receive.from("TgtQ"))).hasSize(1);
                first.xaResource().end(xid, XAResource.TMSUCCESS);
                first.xaResource().prepare(xid);
            }
            try (XaStoreConnection second = store.openXaConnection()) {
                second.xaResource().rollback(xid);
            }
            assertThat(receiveAll(dialogs)).containsExactly("m");
        }
    }

    @Test
    void engineWorkWithoutAnEnlistedBranchIsRefusedAndAnUnknownBranchIsTheResourceManagersError() throws Exception {
        try (Node node = open(); XaStoreConnection xa = node.broker("AW").store().openXaConnection()) {
            assertThat(xa.inBranch()).isFalse();
            assertThatThrownBy(xa::transaction).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no global transaction");
            assertThatThrownBy(() -> xa.xaResource().commit(TestXid.next(), true))
                    .isInstanceOfSatisfying(XAException.class, e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_NOTA));
        }
    }
}
