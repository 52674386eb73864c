package io.mio.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channel;

/**
 * Two sockets connected to each other, as {@link UnixStream#pair()} and
 * {@link UnixDatagram#pair()} make them. Closing the pair closes both.
 *
 * @param <S> the socket type
 * @param first one end
 * @param second the other end
 */
public record SocketPair<S extends Channel>(S first, S second) implements Closeable {
    /** Closes both ends, the second even when closing the first fails. */
    @Override
    public void close() throws IOException {
        try {
            first.close();
        } finally {
            second.close();
        }
    }
}
