package io.parley.bench;

import java.util.List;

/**
 * What S1 measured on one system: how fast {@code dialogs} dialogs were begun (a latency sample per
 * commit of {@link OpenDialogs#PER_COMMIT}), the heap after a full collection before the first
 * dialog and after each quarter of them, and P1 sends timed on a fresh dialog with all of them open.
 */
public record OpenDialogsResult(int dialogs, Measurement beginning, List<Long> heapAfterQuarters,
        Measurement sendsWithDialogsOpen) {

    /**
     * Heap growth per dialog, after the first quarter, below which the heap counts as flat. A
     * per-dialog object the engine kept in memory (a map entry with a handle for a key) would cost
     * well over 100 bytes; what is left below that is the noise of reading a heap of a few hundred MiB.
     */
    public static final int FLAT_BYTES_PER_DIALOG = 64;

    public OpenDialogsResult {
        if (heapAfterQuarters.size() != 5) {
            throw new IllegalArgumentException("S1 reads the heap before the dialogs and after each quarter, "
                    + "5 readings, not " + heapAfterQuarters.size());
        }
        heapAfterQuarters = List.copyOf(heapAfterQuarters);
    }

    public long heapBefore() {
        return heapAfterQuarters.get(0);
    }

    public long heapAfter() {
        return heapAfterQuarters.get(4);
    }

    /** Heap growth from before the first dialog to after the last, divided by the dialogs. */
    public double growthPerDialog() {
        return (double) (heapAfter() - heapBefore()) / dialogs;
    }

    /**
     * Heap growth from the first quarter's reading to the last, per dialog begun in between. Bounded
     * caches (Derby's page cache holds 1,000 pages) fill while the first quarter is begun, so this is
     * the figure that says whether the heap keeps growing with the dialogs.
     */
    public double growthPerDialogAfterFirstQuarter() {
        int firstQuarter = dialogs / 4;
        return (double) (heapAfter() - heapAfterQuarters.get(1)) / Math.max(1, dialogs - firstQuarter);
    }

    public boolean flat() {
        return growthPerDialogAfterFirstQuarter() < FLAT_BYTES_PER_DIALOG;
    }
}
