/**
 * The Service Broker objects a broker knows: message types, contracts, service queues, services,
 * routes and, for a node's own store, the broker endpoint. Every type here is an immutable value;
 * a {@link io.parley.catalog.Catalog} is a whole snapshot that DDL replaces, never edits in place.
 */
package io.parley.catalog;
