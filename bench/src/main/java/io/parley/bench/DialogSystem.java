package io.parley.bench;

/**
 * A {@link MessagingSystem} with dialogs that stay open between messages, as Parley's do, and so one
 * that can run {@link ScaleCase#S1}. A plain queue has no such state to keep: Artemis and raw Derby
 * are not dialog systems, and their S1 cells show a dash.
 */
public interface DialogSystem extends MessagingSystem {

    /**
     * In one transaction, begins {@code count} dialogs to the queue's service and sends
     * {@code body} on each, so both endpoints of every dialog exist, then commits. The dialogs are
     * left open and idle.
     */
    void beginDialogs(int count, byte[] body) throws Exception;
}
