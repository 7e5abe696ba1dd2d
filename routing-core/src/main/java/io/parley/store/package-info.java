/**
 * The durable store of one broker: a JDBC database (embedded Apache Derby by default, one directory
 * per broker) holding the store's identity, its schema version, the catalog and the management
 * views. Everything that differs between databases sits behind {@link io.parley.store.SqlDialect};
 * the rest of the package speaks generic SQL.
 */
package io.parley.store;
