/**
 * Parley's DDL: T-SQL's CREATE, ALTER and DROP for message types, contracts, queues, services,
 * routes and the node's broker endpoint. {@link io.parley.catalog.ddl.DdlParser} turns text into
 * {@link io.parley.catalog.ddl.DdlStatement} records and rejects anything wrong with the text itself
 * (syntax, malformed values); {@link io.parley.catalog.ddl.DdlExecutor} applies a statement to an
 * immutable {@link io.parley.catalog.Catalog} and rejects anything wrong against it (unknown,
 * duplicate or still-used objects); {@link io.parley.catalog.ddl.DdlScript} runs a whole script all
 * or nothing. Every failure is a {@link io.parley.catalog.ddl.DdlException} with line and column.
 */
package io.parley.catalog.ddl;
