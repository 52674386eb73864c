/**
 * Mio's non-blocking sockets: {@link io.mio.net.TcpListener} and {@link io.mio.net.TcpStream},
 * each a {@link io.mio.event.Source} for a {@link io.mio.Poll}.
 */
module io.mio.net {
    requires transitive io.mio.core;

    exports io.mio.net;
}
