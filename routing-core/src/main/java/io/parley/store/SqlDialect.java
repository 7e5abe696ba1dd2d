package io.parley.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import javax.sql.XADataSource;

/**
 * Everything about a store that depends on the database product: how to reach it, how to tell
 * whether it exists, how to shut it down, how to read its failures, and which schema scripts it
 * runs. Generic SQL elsewhere in the package must run unchanged on every dialect; a new database
 * is a new implementation of this type plus, where needed, {@code schema-N.<name>.sql} overrides.
 */
public interface SqlDialect {

    /** Embedded Apache Derby, the default. */
    SqlDialect DERBY = new DerbyDialect();

    /** A short lower-case name; also the suffix of this dialect's schema script overrides. */
    String name();

    /** True when a store already exists at the configured location. */
    boolean exists(StoreConfig config);

    /** A data source for the store, creating the database when {@code create} is true. */
    DataSource dataSource(StoreConfig config, boolean create);

    /** A data source of XA connections to an existing store, whose branches a transaction manager coordinates. */
    XADataSource xaDataSource(StoreConfig config);

    /** Releases the database (for an embedded one: closes its files and lock). */
    void shutdown(StoreConfig config);

    /**
     * The clause that lets one SELECT read past other transactions' uncommitted changes instead of
     * waiting for their locks, appended to the statement; empty where readers never wait.
     */
    String dirtyReadClause();

    /**
     * What follows a table name in a FROM clause to make the database read it through the named
     * index, where its optimizer would otherwise choose worse; empty where no hint is needed.
     */
    String indexHint(String indexName);

    /** Turns a failure to open or use the store into an exception an operator can act on. */
    StoreException translate(SQLException e, StoreConfig config, String action);
}
