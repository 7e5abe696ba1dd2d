package io.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPoolTest {
    @TempDir
    Path dir;

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void createDatabase() throws SQLException {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(dir.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE T (N INTEGER)");
        }
    }

    @AfterEach
    void shutDown() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dir.resolve("db").toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as an exception.
        }
    }

    @Test
    void handsOutConnectionsReadyForATransaction() throws SQLException {
        try (ConnectionPool pool = new ConnectionPool(dataSource, 2)) {
            Connection c = pool.borrow();
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            pool.release(c, true);
        }
    }

    @Test
    void reusesAConnectionWhoseTransactionEndedCleanly() throws SQLException {
        try (ConnectionPool pool = new ConnectionPool(dataSource, 2)) {
            Connection first = pool.borrow();
            first.rollback();
            pool.release(first, true);
            Connection second = pool.borrow();
            assertThat(second).isSameAs(first);
            assertThat(second.isClosed()).isFalse();
            pool.release(second, true);
        }
    }

    @Test
    void closesAConnectionWhoseTransactionDidNotEndCleanlyAndUndoesItsWork() throws SQLException {
        try (ConnectionPool pool = new ConnectionPool(dataSource, 2)) {
            Connection broken = pool.borrow();
            try (Statement st = broken.createStatement()) {
                st.executeUpdate("INSERT INTO T VALUES (1)");
            }
            pool.release(broken, false);
            assertThat(broken.isClosed()).isTrue();
            assertThat(pool.idleCount()).isZero();
            Connection next = pool.borrow();
            assertThat(next).isNotSameAs(broken);
            try (Statement st = next.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM T")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            next.rollback();
            pool.release(next, true);
        }
    }

    @Test
    void keepsNoMoreIdleConnectionsThanItsLimit() throws SQLException {
        try (ConnectionPool pool = new ConnectionPool(dataSource, 1)) {
            Connection a = pool.borrow();
            Connection b = pool.borrow();
            pool.release(a, true);
            pool.release(b, true);
            assertThat(pool.idleCount()).isEqualTo(1);
            assertThat(a.isClosed()).isFalse();
            assertThat(b.isClosed()).isTrue();
        }
    }

    @Test
    void closingClosesIdleConnectionsAndThoseReturnedLaterAndRefusesToLend() throws SQLException {
        ConnectionPool pool = new ConnectionPool(dataSource, 4);
        Connection idle = pool.borrow();
        Connection inUse = pool.borrow();
        pool.release(idle, true);

        pool.close();

        assertThat(idle.isClosed()).isTrue();
        assertThat(inUse.isClosed()).isFalse();
        pool.release(inUse, true);
        assertThat(inUse.isClosed()).isTrue();
        assertThatThrownBy(pool::borrow).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    }
}
