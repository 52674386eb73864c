package io.mio.net;

import io.mio.spi.SocketOpt;
import java.net.SocketOption;
import java.util.Map;

/**
 * The TCP options of {@code jdk.net.ExtendedSocketOptions} — keep-alive tuning and quick
 * acknowledgements — which a {@code java.nio} user sets on a {@code SocketChannel}. The
 * {@code jdk.net} module is optional to Mio (a jlink image may leave it out, an OSGi framework
 * may not export it): where its class cannot be loaded, there are none, and the rest of Mio is
 * unaffected.
 */
final class JdkNetOptions {
    /** Each option and the OS-neutral option it is; empty without {@code jdk.net}. */
    static final Map<SocketOption<?>, SocketOpt> TCP = tcp();

    private JdkNetOptions() {}

    private static Map<SocketOption<?>, SocketOpt> tcp() {
        try {
            return Map.of(
                    jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, SocketOpt.KEEPALIVE_IDLE,
                    jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, SocketOpt.KEEPALIVE_INTERVAL,
                    jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, SocketOpt.KEEPALIVE_COUNT,
                    jdk.net.ExtendedSocketOptions.TCP_QUICKACK, SocketOpt.QUICK_ACK);
        } catch (LinkageError absent) {
            return Map.of();
        }
    }
}
