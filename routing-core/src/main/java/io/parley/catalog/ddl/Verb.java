package io.parley.catalog.ddl;

/** The first word of every DDL statement. */
enum Verb {
    CREATE,
    ALTER,
    DROP
}
