package io.mio.spi;

/**
 * The socket options Mio sets, as OS-neutral identities. Each {@link Sockets} implementation maps
 * them to its own level and name; all take and give an {@code int}.
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
    MULTICAST_LOOP_V6
}
