package io.mio.internal.transfer;

import io.mio.spi.Sockets;
import java.lang.reflect.Proxy;

/**
 * The sockets of a process in which no backend can run. Every call throws the
 * {@link UnsupportedOperationException} that {@link io.mio.Poll#open()} throws, with the same
 * reason and advice, every time: were the backend looked up in {@link SocketIo}'s initializer
 * and that failed, the first call would throw {@link ExceptionInInitializerError} and every later
 * one {@link NoClassDefFoundError}. Asked which options the OS has, it says none, so that the
 * socket classes still initialize.
 */
final class UnavailableSockets {
    private UnavailableSockets() {}

    /**
     * Sockets that refuse every call.
     *
     * @param cause why no backend runs, and what to do
     * @return them
     */
    static Sockets because(String cause) {
        return (Sockets) Proxy.newProxyInstance(Sockets.class.getClassLoader(), new Class<?>[] {Sockets.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "supports" -> false;
                    case "toString" -> "Sockets (unavailable: " + cause + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new UnsupportedOperationException(cause);
                });
    }
}
