package io.mio.backend.posix;

/**
 * A C constant the POSIX socket code passes to the OS, named as the C headers name it. The
 * number behind each name is the OS's: it comes from the {@link ConstantTable} of the
 * {@link UnixAbi} chosen at start-up, and a test compares every table with independent sources
 * by these names.
 *
 * <p>A constant marked optional is one that some Unix lacks ({@code SOCK_CLOEXEC} on macOS,
 * {@code SO_PEERCRED} on the BSDs); the code asks {@link ConstantTable#has} before it relies on
 * one, and takes the portable path when it is absent.
 */
enum UnixConstant {
    AF_UNIX, AF_INET, AF_INET6,
    SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET,
    /** Socket-creation flags; where absent the code follows the call with {@code fcntl}. */
    SOCK_NONBLOCK(true), SOCK_CLOEXEC(true),

    SOL_SOCKET, SO_REUSEADDR, SO_ERROR, SO_SNDBUF, SO_RCVBUF, SO_KEEPALIVE, SO_LINGER, SO_REUSEPORT,
    SO_TYPE, SO_ACCEPTCONN, SO_BROADCAST,
    /** Linux's peer credentials option; the BSDs have {@code LOCAL_PEERCRED} instead. */
    SO_PEERCRED(true),
    /** Linux's and FreeBSD's way to ask a socket its protocol. */
    SO_PROTOCOL(true),

    IPPROTO_IP, IP_TOS, IP_TTL, IP_MULTICAST_IF, IP_MULTICAST_TTL, IP_MULTICAST_LOOP, IP_ADD_MEMBERSHIP,
    IP_DROP_MEMBERSHIP,
    IPPROTO_TCP, TCP_NODELAY, IPPROTO_UDP,
    /** Keep-alive tuning per socket; OpenBSD has none of the three (system-wide sysctls only). */
    TCP_KEEPIDLE(true), TCP_KEEPINTVL(true), TCP_KEEPCNT(true),
    /** Linux's: acknowledge at once, not delayed. */
    TCP_QUICKACK(true),
    IPPROTO_IPV6, IPV6_MULTICAST_IF, IPV6_MULTICAST_LOOP, IPV6_MULTICAST_HOPS, IPV6_ADD_MEMBERSHIP, IPV6_DROP_MEMBERSHIP,
    IPV6_UNICAST_HOPS, IPV6_V6ONLY, IPV6_TCLASS,

    SHUT_RD, SHUT_WR, SHUT_RDWR,
    MSG_PEEK, MSG_TRUNC, MSG_DONTWAIT, MSG_CTRUNC,
    /** Keeps a send from raising SIGPIPE; macOS has none and uses {@code SO_NOSIGPIPE}. */
    MSG_NOSIGNAL(true),
    /** Received descriptors close-on-exec atomically; else {@code fcntl} after the receive. */
    MSG_CMSG_CLOEXEC(true),
    SCM_RIGHTS,

    F_GETFD, F_SETFD, F_GETFL, F_SETFL, FD_CLOEXEC, O_ACCMODE, O_NONBLOCK, O_CLOEXEC,

    POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL,
    /** Linux's: the peer shut its write half down (the BSDs report it as {@code POLLHUP}). */
    POLLRDHUP(true),

    /** Where there is no {@code MSG_NOSIGNAL} (macOS), set on every socket instead. */
    SO_NOSIGPIPE(true),

    /** Peer credentials of a Unix-domain socket on the BSDs and macOS: level, then option. */
    SOL_LOCAL(true), LOCAL_PEERCRED(true), LOCAL_PEERPID(true), LOCAL_PEEREID(true),

    /** kqueue's filters and flags, on the OSes that have it. */
    EVFILT_READ(true), EVFILT_WRITE(true), EVFILT_AIO(true), EVFILT_LIO(true), EVFILT_USER(true),
    EV_ADD(true), EV_DELETE(true), EV_CLEAR(true), EV_RECEIPT(true), EV_ERROR(true), EV_EOF(true),
    NOTE_TRIGGER(true);

    private final boolean optional;

    UnixConstant() {
        this(false);
    }

    UnixConstant(boolean optional) {
        this.optional = optional;
    }

    /**
     * Whether some Unix lacks this constant.
     *
     * @return true when a table may leave it out
     */
    public boolean optional() {
        return optional;
    }
}
