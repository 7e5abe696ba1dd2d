package io.parley.bench;

/**
 * The scale cases, which run once each after P1 to P4, every one on a fresh instance of each
 * system that can run it so a deep queue or a hundred thousand dialogs never sit under another
 * case's figures. S1 opens many dialogs and watches the heap while they stay idle (see
 * {@link OpenDialogs}); only a {@link DialogSystem} has dialogs to open. S2 fills the queue deep and
 * measures sending and receiving at that depth (see {@link DeepQueue}); every system runs it but Parley through JMS,
 * whose costs at depth are its engine's.
 */
public enum ScaleCase {
    S1 {
        @Override
        boolean runsOn(MessagingSystem system) {
            return system instanceof DialogSystem;
        }
    },
    S2 {
        @Override
        boolean runsOn(MessagingSystem system) {
            return !(system instanceof ParleyJmsSystem);
        }
    };

    /** Whether {@code system} can run this case; the table shows a dash for a system that cannot. */
    abstract boolean runsOn(MessagingSystem system);
}
