/**
 * The {@code parley} command line: start a node, run DDL scripts against a broker, print the
 * management views, and run the demo. Every command exits 0 on success and otherwise prints one
 * line starting with {@code parley:} and exits non-zero.
 */
package io.parley.server.cli;
