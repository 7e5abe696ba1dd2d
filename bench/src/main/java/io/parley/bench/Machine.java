package io.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One line saying where the figures were measured: JVM, operating system, CPUs and how busy they
 * were at the start (other work on a shared machine moves every figure), heap and disk.
 */
final class Machine {
    private Machine() {
    }

    static String describe(Path dataDirectory) throws IOException {
        FileStore disk = Files.getFileStore(dataDirectory);
        return String.format(Locale.ROOT,
                "Java %s (%s), %s %s %s, %d CPUs (load average %.2f at the start), max heap %,d MiB, data on %s %s",
                Runtime.version(), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024),
                disk.type(), disk.name());
    }
}
