package io.parley.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key and trust stores for TLS tests, made by the JDK's own {@code keytool} as an operator would: a
 * self-signed EC key pair per node in a PKCS12 key store, and trust stores holding the certificates
 * of the nodes to accept.
 */
public final class TestCertificates {
    public static final String PASSWORD = "test-secret";

    private final Path dir;

    public TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A key store for node {@code name} with its key pair and self-signed certificate (CN = the name). */
    public Path keyStore(String name) {
        Path store = dir.resolve(name + "-key.p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        Path certificate = dir.resolve(name + ".cer");
        keytool("-exportcert", "-alias", name, "-rfc", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        return store;
    }

    /** A trust store named {@code name} holding the certificates of the nodes {@link #keyStore} made for {@code nodes}. */
    public Path trustStore(String name, String... nodes) {
        Path store = dir.resolve(name + "-trust.p12");
        for (String node : nodes) {
            keytool("-importcert", "-noprompt", "-alias", node, "-file", dir.resolve(node + ".cer").toString(),
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD);
        }
        return store;
    }

    /** The stores of node {@code name}, which {@link #keyStore} and {@link #trustStore} made. */
    public TlsStores stores(Path keyStore, Path trustStore) {
        return new TlsStores(keyStore, PASSWORD, trustStore, PASSWORD);
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
