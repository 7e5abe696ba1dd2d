package io.parley.store;

import io.parley.catalog.StoreKind;
import java.nio.file.Path;

/** A child process for tests: opens the store given as argument, says so, and keeps it open until stdin closes. */
public final class StoreHolder {
    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Store store = Store.open(StoreConfig.derby(Path.of(args[0])), StoreKind.BROKER, args[1])) {
            System.out.println("OPEN " + store.brokerInstanceId());
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}
