package io.parley.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.jms.connection.ParleyConnection;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared-connection mode: a session bound to the application's own JDBC connection to the broker's database, so that
 * the application's rows and the session's RECEIVE and SEND commit or roll back as one local transaction.
 */
class SharedConnectionTest {
    @TempDir
    Path dir;

    private Shop shop;
    private ParleyConnection connection;
    private java.sql.Connection jdbc;

    @BeforeEach
    void setUp() throws Exception {
        shop = new Shop(dir);
        connection = (ParleyConnection) shop.connection();
        jdbc = connection.openDatabaseConnection();
        try (Statement st = jdbc.createStatement()) {
            st.execute("CREATE TABLE APP.ORDERS_TAKEN (BODY VARCHAR(100) NOT NULL)");
        }
        jdbc.commit();
        // Open until the end, since closing it would END its dialog and queue an EndDialog behind the order.
        Session customer = connection.createSession();
        customer.createProducer(customer.createQueue(Shop.ORDERS)).send(customer.createTextMessage("order 7"));
    }

    @AfterEach
    void tearDown() throws Exception {
        jdbc.close();
        shop.close();
    }

    @Test
    void theApplicationsRowTheReceiveAndTheSendCommitTogether() throws Exception {
        try (Session session = connection.createSharedSession(jdbc)) {
            assertThat(session.getTransacted()).isTrue();
            takeOrder(session);
            session.commit();
            assertThat(rowsTaken()).isEqualTo(1);
            assertThat(shop.waiting("OrdersQ")).isZero();
            assertThat(shop.waiting("BillingQ")).isEqualTo(1);
        }
    }

    @Test
    void aRollbackUndoesTheRowAndTheSendAndPutsTheMessageBack() throws Exception {
        try (Session session = connection.createSharedSession(jdbc)) {
            takeOrder(session);
            session.rollback();
            assertThat(rowsTaken()).isZero();
            assertThat(shop.waiting("BillingQ")).isZero();

            Message again = session.createConsumer(session.createQueue(Shop.ORDERS)).receive(5_000);
            assertThat(again).isInstanceOf(TextMessage.class);
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            session.commit();
        }
        assertThat(shop.waiting("OrdersQ")).isZero();
    }

    @Test
    void closingTheSessionRollsBackAndLeavesTheConnectionToTheApplication() throws Exception {
        Session session = connection.createSharedSession(jdbc);
        takeOrder(session);
        session.close();
        assertThat(jdbc.isClosed()).isFalse();
        assertThat(rowsTaken()).isZero();
        assertThat(shop.waiting("OrdersQ")).isEqualTo(1);
        assertThat(shop.waiting("BillingQ")).isZero();
    }

    @Test
    void aConnectionToAnotherDatabaseIsRefused() throws Exception {
        try (java.sql.Connection other = DriverManager.getConnection("jdbc:derby:" + dir.resolve("other") + ";create=true")) {
            other.setAutoCommit(false);
            assertThatThrownBy(() -> connection.createSharedSession(other)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not to a Parley store");
            other.rollback();
        }
        try (java.sql.Connection otherStore = DriverManager.getConnection("jdbc:derby:" + shop.node.config().nodeStore().resolve("derby"))) {
            otherStore.setAutoCommit(false);
            assertThatThrownBy(() -> connection.createSharedSession(otherStore)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another database");
            otherStore.rollback();
        }
    }

    @Test
    void aConnectionThatAutoCommitsIsRefused() throws Exception {
        jdbc.setAutoCommit(true);
        assertThatThrownBy(() -> connection.createSharedSession(jdbc)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auto-commit");
    }

    @Test
    void aClosedJmsConnectionGivesNoSharedSession() throws Exception {
        Connection closed = shop.factory.createConnection();
        closed.close();
        assertThatThrownBy(() -> ((ParleyConnection) closed).createSharedSession(jdbc)).isInstanceOf(IllegalStateException.class);
    }

    /** Receives the order, records it in the application's table and sends a bill, all on the shared connection. */
    private void takeOrder(Session session) throws JMSException, SQLException {
        MessageConsumer orders = session.createConsumer(session.createQueue(Shop.ORDERS));
        TextMessage order = (TextMessage) orders.receive(5_000);
        assertThat(order).isNotNull();
        try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO APP.ORDERS_TAKEN (BODY) VALUES (?)")) {
            insert.setString(1, order.getText());
            insert.executeUpdate();
        }
        session.createProducer(session.createQueue(Shop.BILLING)).send(session.createTextMessage("bill for " + order.getText()));
        orders.close();
    }

    /** Counts the application's rows through a connection of its own, so only committed rows count. */
    private int rowsTaken() throws Exception {
        try (java.sql.Connection reader = connection.openDatabaseConnection();
             Statement st = reader.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM APP.ORDERS_TAKEN")) {
            rs.next();
            int count = rs.getInt(1);
            reader.commit();
            return count;
        }
    }
}
