package io.parley.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * At most one link per peer address, dialled on demand. Callers asking while a dial is under way
 * share its result; a dial that failed, or a link that is no longer alive, is replaced by a fresh
 * dial at the next request. The one entry per address changes only by compare-and-set, so two
 * callers never dial the same address at once. Generic, so it is tested without sockets.
 */
final class PeerLinks<A, L> {
    private final ConcurrentMap<A, CompletableFuture<L>> links = new ConcurrentHashMap<>();
    private final Predicate<L> alive;

    PeerLinks(Predicate<L> alive) {
        this.alive = alive;
    }

    /** The link to {@code address}: the live or pending one, or else the result of {@code dial}. */
    CompletableFuture<L> linkTo(A address, Function<A, CompletableFuture<L>> dial) {
        while (true) {
            CompletableFuture<L> current = links.get(address);
            if (current != null && usable(current)) {
                return current;
            }
            CompletableFuture<L> fresh = new CompletableFuture<>();
            boolean claimed = current == null ? links.putIfAbsent(address, fresh) == null : links.replace(address, current, fresh);
            if (claimed) {
                try {
                    dial.apply(address).whenComplete((link, failure) -> {
                        if (failure != null) {
                            fresh.completeExceptionally(failure);
                        } else {
                            fresh.complete(link);
                        }
                    });
                } catch (RuntimeException e) {
                    fresh.completeExceptionally(e);
                }
                return fresh;
            }
        }
    }

    private boolean usable(CompletableFuture<L> link) {
        if (!link.isDone()) {
            return true;
        }
        return !link.isCompletedExceptionally() && alive.test(link.join());
    }
}
