package io.parley.catalog.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The semantic errors every object kind has, worded one way: unknown, duplicate, system, in use. */
final class Failures {
    /** SQL Server's "Cannot drop/find the … because it does not exist or you do not have permission." */
    static final int DOES_NOT_EXIST = 15151;
    /** SQL Server's "The system object cannot be modified." */
    static final int SYSTEM_OBJECT = 9663;

    private Failures() {
    }

    /** The statement names an object of its own kind that is not in the catalog. */
    static DdlException unknown(DdlStatement statement, String kind) {
        return DdlException.rejected(statement, DOES_NOT_EXIST, kind + " '" + statement.name() + "' does not exist",
                statement.name());
    }

    /** The statement refers to another object, {@code kind} {@code name}, that is not in the catalog. */
    static DdlException missingReference(DdlStatement statement, String ownKind, String kind, String name) {
        return DdlException.rejected(statement, DOES_NOT_EXIST, ownKind + " '" + statement.name() + "' names "
                + kind + " '" + name + "', which does not exist", statement.name(), name);
    }

    static DdlException duplicate(DdlStatement statement, String kind, int errorNumber) {
        return DdlException.rejected(statement, errorNumber, kind + " '" + statement.name() + "' already exists",
                statement.name());
    }

    static DdlException systemObject(DdlStatement statement, String kind) {
        return DdlException.rejected(statement, SYSTEM_OBJECT, kind + " '" + statement.name()
                + "' is a system object: it exists in every broker and cannot be created, altered or dropped",
                statement.name());
    }

    /** DROP of an object that others still refer to; names every one of them. */
    static DdlException inUse(DdlStatement statement, String kind, String userKind, List<String> users) {
        return inUse(statement, kind + " '" + statement.name() + "' cannot be dropped: " + userKind
                + (users.size() == 1 ? " " + quoted(users) + " uses it" : "s " + quoted(users) + " use it"), users);
    }

    /** DROP of a queue that other queues name as their dead-letter queue; names every one of them. */
    static DdlException deadLetterQueueInUse(DdlStatement statement, List<String> users) {
        return inUse(statement, "queue '" + statement.name() + "' cannot be dropped: it is the dead-letter queue of queue"
                + (users.size() == 1 ? " " : "s ") + quoted(users), users);
    }

    private static DdlException inUse(DdlStatement statement, String problem, List<String> users) {
        List<String> names = new ArrayList<>();
        names.add(statement.name());
        names.addAll(users);
        return DdlException.rejected(statement, 0, problem, names.toArray(String[]::new));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /** R-OBJ-5: in CREATE BROKER PRIORITY the word ANY means "every service" or "every contract". */
    static void refuseAny(DdlStatement statement, String kind) {
        if (statement.name().equalsIgnoreCase("ANY")) {
            throw DdlException.rejected(statement, 0, "a " + kind + " must not be named '" + statement.name()
                    + "': ANY stands for every " + kind + " in broker priorities (R-OBJ-5)", statement.name());
        }
    }
}
