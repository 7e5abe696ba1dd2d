package io.parley.jms.message;

import java.util.Locale;
import java.util.Set;

/**
 * The rule for property names: a property name must be a message selector identifier (Jakarta Messaging §3.5.1 and
 * §3.8.1.1), that is a Java identifier that is none of the selector's literals and operators, which the selector
 * grammar reads without regard to case.
 */
final class PropertyNames {
    private static final Set<String> SELECTOR_WORDS =
            Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private PropertyNames() {
    }

    /** Why {@code name} cannot name a property, or null when it can. */
    static String whyInvalid(String name) {
        if (name == null) {
            return "a property name must not be null";
        }
        if (name.isEmpty()) {
            return "a property name must not be empty";
        }
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first)) {
            return "property name '" + name + "' must start with a letter, '_' or '$', not '"
                    + Character.toString(first) + "'";
        }
        for (int index = Character.charCount(first); index < name.length(); ) {
            int codePoint = name.codePointAt(index);
            if (!Character.isJavaIdentifierPart(codePoint)) {
                return "property name '" + name + "' contains '" + Character.toString(codePoint)
                        + "', which cannot be part of an identifier";
            }
            index += Character.charCount(codePoint);
        }
        String upperCase = name.toUpperCase(Locale.ROOT);
        if (SELECTOR_WORDS.contains(upperCase)) {
            return "property name '" + name + "' is the message selector word " + upperCase;
        }
        return null;
    }

    /** Throws {@link IllegalArgumentException} saying why, when {@code name} cannot name a property. */
    static void requireValid(String name) {
        String problem = whyInvalid(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
