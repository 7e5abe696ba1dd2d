package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one-link-per-address holder alone, with plain futures for dials and a flag for a link's life. */
class PeerLinksTest {
    static {
        LeakWatch.install();
    }

    private final PeerLinks<String, AtomicBoolean> links = new PeerLinks<>(AtomicBoolean::get);
    private final AtomicInteger dials = new AtomicInteger();
    private CompletableFuture<AtomicBoolean> pending = new CompletableFuture<>();
    private final Function<String, CompletableFuture<AtomicBoolean>> dial = address -> {
        dials.incrementAndGet();
        return pending;
    };

    @Test
    void callersAskingDuringADialShareIt() {
        CompletableFuture<AtomicBoolean> first = links.linkTo("a", dial);
        CompletableFuture<AtomicBoolean> second = links.linkTo("a", dial);
        pending.complete(new AtomicBoolean(true));
        assertThat(second.join()).isSameAs(first.join());
        assertThat(dials).hasValue(1);
    }

    @Test
    void aLiveLinkIsReusedAndADeadOneReplaced() {
        AtomicBoolean link = new AtomicBoolean(true);
        pending.complete(link);
        assertThat(links.linkTo("a", dial).join()).isSameAs(link);
        assertThat(links.linkTo("a", dial).join()).isSameAs(link);
        assertThat(dials).hasValue(1);

        link.set(false);
        AtomicBoolean replacement = new AtomicBoolean(true);
        pending = CompletableFuture.completedFuture(replacement);
        assertThat(links.linkTo("a", dial).join()).isSameAs(replacement);
        assertThat(dials).hasValue(2);
    }

    @Test
    void aFailedDialIsSharedByItsWaitersAndRetriedByTheNextCaller() {
        CompletableFuture<AtomicBoolean> waiting = links.linkTo("a", dial);
        pending.completeExceptionally(new IllegalStateException("refused"));
        assertThat(waiting).isCompletedExceptionally();

        pending = CompletableFuture.completedFuture(new AtomicBoolean(true));
        assertThat(links.linkTo("a", dial).join().get()).isTrue();
        assertThat(dials).hasValue(2);
    }

    @Test
    void eachAddressHasItsOwnLinkAndADialThatThrowsFailsItsResult() {
        pending.complete(new AtomicBoolean(true));
        links.linkTo("a", dial).join();
        links.linkTo("b", dial).join();
        assertThat(dials).hasValue(2);

        CompletableFuture<AtomicBoolean> broken = links.linkTo("c", address -> {
            throw new IllegalArgumentException("no such host");
        });
        assertThat(broken).isCompletedExceptionally();
    }
}
