package io.parley.transport;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting in tests: for a condition or a stage, with a generous limit so a test fails rather than hangs. */
final class Await {
    private static final long LIMIT_MILLIS = 15_000;

    private Await() {
    }

    static void until(BooleanSupplier condition, Supplier<String> whatWasExpected) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not so after " + LIMIT_MILLIS + " ms: " + whatWasExpected.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The stage's value; its failure is rethrown as the cause of an {@link ExecutionException}. */
    static <T> T result(CompletionStage<T> stage) throws ExecutionException {
        try {
            return stage.toCompletableFuture().get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError("not complete after " + LIMIT_MILLIS + " ms", e);
        }
    }

    /** The exception the stage failed with. */
    static Throwable failure(CompletionStage<?> stage) {
        try {
            Object value = result(stage);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
