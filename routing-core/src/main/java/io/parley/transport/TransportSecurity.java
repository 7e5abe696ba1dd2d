package io.parley.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslHandler;
import java.util.Optional;

/**
 * Where transport security (§6.1, R-SEC-1..4) plugs into a connection: the {@link SslHandler} a
 * node puts first in each connection's pipeline, below the framing, or none. It is chosen per
 * node, for accepted and for outgoing connections separately, so that a later TLS configuration
 * (certificates, mutual authentication, ENCRYPTION = REQUIRED) is one implementation of this
 * interface. {@link #NONE} leaves connections in plain TCP.
 */
public interface TransportSecurity {

    /** Plain TCP both ways. */
    TransportSecurity NONE = new TransportSecurity() {
        @Override
        public Optional<SslHandler> forAccepted(ByteBufAllocator allocator) {
            return Optional.empty();
        }

        @Override
        public Optional<SslHandler> forConnecting(ByteBufAllocator allocator, String host, int port) {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "NONE";
        }
    };

    /** The handler for a connection another node opened to this one. */
    Optional<SslHandler> forAccepted(ByteBufAllocator allocator);

    /** The handler for a connection this node opens to {@code host:port}. */
    Optional<SslHandler> forConnecting(ByteBufAllocator allocator, String host, int port);
}
