/**
 * Mio's non-blocking sockets — TCP, UDP and Unix-domain — each a {@link io.mio.event.Source} for
 * a {@link io.mio.Poll}, and the Unix extensions of {@code io.mio.unix}: pipes, and registering
 * any descriptor.
 */
module io.mio.net {
    requires transitive io.mio.core;
    // The keep-alive tuning and TCP_QUICKACK options are jdk.net's; without it there are none.
    requires static jdk.net;

    exports io.mio.net;
    exports io.mio.unix;
}
