package io.parley.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS with mutual certificate authentication between nodes (R-SEC-1..4): every connection, accepted
 * or opened, runs TLS 1.3 or 1.2 under the framing, each side presents the certificate of its key
 * store, and each accepts only a peer whose certificate its trust store vouches for. A peer that
 * presents none, or one the trust store does not vouch for, never gets as far as HELLO. As in
 * Service Broker, a node is known by its certificate, not by its host name, so the address in a
 * route is not checked against the certificate.
 */
public final class TlsSecurity implements TransportSecurity {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final TlsStores stores;
    private final SslContext accepting;
    private final SslContext connecting;

    private TlsSecurity(TlsStores stores, SslContext accepting, SslContext connecting) {
        this.stores = stores;
        this.accepting = accepting;
        this.connecting = connecting;
    }

    /**
     * Reads both stores.
     *
     * @throws IllegalArgumentException naming the store that cannot be read, with the reason: a missing
     *                                  file, a wrong password, no private key in the key store
     */
    public static TlsSecurity of(TlsStores stores) {
        KeyManagerFactory keys = keyManagers(stores);
        TrustManagerFactory trust = trustManagers(stores);
        try {
            SslContext accepting = SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                    .clientAuth(ClientAuth.REQUIRE).trustManager(trust).build();
            SslContext connecting = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                    .keyManager(keys).trustManager(trust).build();
            return new TlsSecurity(stores, accepting, connecting);
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS from " + stores + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SslHandler> forAccepted(ByteBufAllocator allocator) {
        return Optional.of(accepting.newHandler(allocator));
    }

    @Override
    public Optional<SslHandler> forConnecting(ByteBufAllocator allocator, String host, int port) {
        return Optional.of(connecting.newHandler(allocator, host, port));
    }

    @Override
    public String toString() {
        return stores.toString();
    }

    private static KeyManagerFactory keyManagers(TlsStores stores) {
        KeyStore store = load(stores.keyStore(), stores.keyStorePassword(), "key store");
        try {
            if (!hasPrivateKey(store)) {
                throw new IllegalArgumentException("the key store " + stores.keyStore() + " holds no private key;"
                        + " it must hold this node's key and certificate");
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, stores.keyStorePassword().toCharArray());
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the key store " + stores.keyStore() + ": " + e.getMessage()
                    + " (the key's password must be the store's)", e);
        }
    }

    private static TrustManagerFactory trustManagers(TlsStores stores) {
        KeyStore store = load(stores.trustStore(), stores.trustStorePassword(), "trust store");
        try {
            if (store.size() == 0) {
                throw new IllegalArgumentException("the trust store " + stores.trustStore() + " is empty, so no node"
                        + " would be accepted; import the certificates of the nodes to trust, or of their authority");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the trust store " + stores.trustStore() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password, String what) {
        try {
            return KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            String reason = e.getCause() instanceof UnrecoverableKeyException
                    ? "wrong password" : String.valueOf(e.getMessage());
            throw new IllegalArgumentException("cannot read the " + what + " " + file + ": " + reason, e);
        }
    }

    private static boolean hasPrivateKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}
