package io.mio.spi;

/**
 * The socket options Mio sets, as OS-neutral identities. Each {@link Sockets} implementation maps
 * them to its own level and name; all take and give an {@code int}. An OS may lack some (macOS
 * has no {@code TCP_QUICKACK}): {@link Sockets#supports} says which it has.
 */
public enum SocketOpt {
    /** {@code SO_REUSEADDR}: 0 or 1. */
    REUSE_ADDRESS,
    /** {@code SO_REUSEPORT}: 0 or 1. */
    REUSE_PORT,
    /** {@code SO_KEEPALIVE}: 0 or 1. */
    KEEP_ALIVE,
    /** {@code SO_LINGER}: the linger time in seconds, or -1 when linger is off. */
    LINGER,
    /** {@code SO_RCVBUF}: bytes. */
    RECEIVE_BUFFER,
    /** {@code SO_SNDBUF}: bytes. */
    SEND_BUFFER,
    /** {@code TCP_NODELAY}: 0 or 1. */
    TCP_NODELAY,
    /** {@code IP_TTL} on IPv4 sockets, {@code IPV6_UNICAST_HOPS} on IPv6 ones. */
    TTL,
    /** {@code IP_TOS} on IPv4 sockets, {@code IPV6_TCLASS} on IPv6 ones. */
    TRAFFIC_CLASS,
    /** {@code IPV6_V6ONLY}: 0 or 1. */
    IPV6_ONLY,
    /** {@code SO_BROADCAST}: 0 or 1. */
    BROADCAST,
    /** {@code IP_MULTICAST_LOOP}: 0 or 1, whatever the socket's family. */
    MULTICAST_LOOP_V4,
    /** {@code IP_MULTICAST_TTL}: hops, whatever the socket's family. */
    MULTICAST_TTL_V4,
    /** {@code IPV6_MULTICAST_LOOP}: 0 or 1. */
    MULTICAST_LOOP_V6,
    /** {@code IPV6_MULTICAST_HOPS}: hops. */
    MULTICAST_HOPS_V6,
    /**
     * {@code IP_MULTICAST_IF}: the outgoing interface's IPv4 address, as the {@code int} whose four
     * bytes in native memory are the address in network order (0, the any-address, lets the OS
     * choose).
     */
    MULTICAST_IF_V4,
    /** {@code IPV6_MULTICAST_IF}: the outgoing interface's index (0 lets the OS choose). */
    MULTICAST_IF_V6,
    /** {@code TCP_KEEPIDLE} ({@code TCP_KEEPALIVE} on macOS): seconds idle before the first probe. */
    KEEPALIVE_IDLE,
    /** {@code TCP_KEEPINTVL}: seconds between probes. */
    KEEPALIVE_INTERVAL,
    /** {@code TCP_KEEPCNT}: probes unanswered before the connection is dropped. */
    KEEPALIVE_COUNT,
    /** {@code TCP_QUICKACK} (Linux): 0 or 1, acknowledgements sent at once rather than delayed. */
    QUICK_ACK
}
