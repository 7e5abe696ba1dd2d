package io.parley.bench;

/**
 * What S2 measured on one system: filling the queue with {@code queued} messages (a latency sample
 * per commit of {@link DeepQueue#PER_COMMIT}), the heap after a full collection before the fill and
 * with the queue full, and P1 sends and receives with a commit each, timed at that depth.
 */
public record DeepQueueResult(long queued, Measurement fill, long heapBefore, long heapAtDepth,
        Measurement sendsAtDepth, Measurement receivesAtDepth) {

    /** What holding the queue costs in heap: the growth from before the fill to the full queue. */
    public long heapGrowth() {
        return heapAtDepth - heapBefore;
    }
}
