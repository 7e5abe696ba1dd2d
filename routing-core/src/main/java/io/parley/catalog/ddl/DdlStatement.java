package io.parley.catalog.ddl;

/**
 * One parsed DDL statement: what it does to which object, and where it starts in the script.
 * The statements of one object kind form a family ({@link MessageTypeStatement},
 * {@link ContractStatement}, {@link QueueStatement}, {@link ServiceStatement},
 * {@link RouteStatement}, {@link EndpointStatement}), each a set of records holding what the
 * statement says, values already in their catalog types; {@link DdlExecutor} gives them their effect on a catalog.
 */
public sealed interface DdlStatement
        permits MessageTypeStatement, ContractStatement, QueueStatement, ServiceStatement, RouteStatement,
        EndpointStatement {

    /** Where the statement's first word is. */
    SourcePosition position();

    /** The name of the object the statement creates, alters or drops (for a queue, without schema). */
    String name();
}
