package io.parley.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node's TLS identity and trust live (§6.1): a key store holding this node's private key and
 * certificate, and a trust store holding the certificates of the nodes it accepts, or of the
 * authority that signed them. Either may be PKCS12 or JKS. The passwords never appear in
 * {@link #toString()}.
 */
public record TlsStores(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
    public TlsStores {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    @Override
    public String toString() {
        return "TLS with key store " + keyStore + " and trust store " + trustStore;
    }
}
