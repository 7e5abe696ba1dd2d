package io.parley.bench;

/**
 * The systems the table compares, in column order. Artemis is the peer every ratio is taken
 * against; raw Derby is the physical floor on the same disk; Parley is the system under test, through its engine API and
 * through its JMS provider, whose figures over the engine's are the JMS layer's cost.
 */
public enum Contender {
    ARTEMIS("Artemis"),
    DERBY("Derby"),
    PARLEY("Parley"),
    PARLEY_JMS("Parley JMS");

    /** The system every ratio column divides by. */
    public static final Contender PEER = ARTEMIS;

    private final String title;

    Contender(String title) {
        this.title = title;
    }

    /** The column heading. */
    public String title() {
        return title;
    }
}
