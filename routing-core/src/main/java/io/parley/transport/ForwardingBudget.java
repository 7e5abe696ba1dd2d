package io.parley.transport;

import java.time.Duration;

/**
 * How much further a message may travel (R-FWD-4, §3.9): the hops it has left, its time to live,
 * and the time already spent at forwarders. The originating broker stamps a {@link #fresh} budget
 * on every transmission attempt; each forwarder takes a hop and adds its time; the destination
 * ignores it. Times travel as whole milliseconds.
 */
public record ForwardingBudget(int hopsRemaining, Duration timeToLive, Duration timeConsumed) {
    /** The most hops one unsigned byte can count. */
    public static final int MAX_HOPS = 255;
    /** The hop budget an originating broker stamps (R-FWD-4, Impl). */
    public static final int DEFAULT_HOPS = 32;
    /** The longest time to live an originating broker stamps (R-FWD-4, Impl). */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);

    public ForwardingBudget {
        FieldRules.range(hopsRemaining, 0, MAX_HOPS, "hopsRemaining");
        timeToLive = FieldRules.millis(timeToLive, "timeToLive");
        timeConsumed = FieldRules.millis(timeConsumed, "timeConsumed");
    }

    /** The budget of a transmission attempt: the default hops, this time to live, nothing consumed yet. */
    public static ForwardingBudget fresh(Duration timeToLive) {
        return new ForwardingBudget(DEFAULT_HOPS, timeToLive, Duration.ZERO);
    }

    /** The time to live left; zero or negative means a forwarder must drop the message. */
    public Duration remaining() {
        return timeToLive.minus(timeConsumed);
    }
}
