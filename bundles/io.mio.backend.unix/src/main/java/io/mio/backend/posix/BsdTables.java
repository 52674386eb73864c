package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * What macOS and the BSDs inherited from 4.4BSD and still share: most socket constants, the
 * errno numbering, {@code sockaddr}s that begin with a length byte, a {@code msghdr} whose
 * counts are {@code int}s and {@code socklen_t}s, and kqueue's flags. Each OS's tables start
 * from these and change only what differs on it ({@link MacOsTables}, {@link FreeBsdTables},
 * {@link OpenBsdTables}, {@link NetBsdTables}, {@link DragonFlyTables}); every value, shared or
 * not, is checked per OS against the Rust {@code libc} crate and jnr-constants.
 */
final class BsdTables {
    private static final ValueLayout.OfInt SOCKLEN_T = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfByte SA_FAMILY_T = ValueLayout.JAVA_BYTE;

    /**
     * The constants every BSD-derived OS gives the same value; an OS adds what is its own, and
     * at least {@code AF_INET6} and {@code O_CLOEXEC}, which all of them number differently.
     */
    static final ConstantTable CONSTANTS = PosixTables.COMMON.with(
            SOL_SOCKET, 0xFFFF, SO_ACCEPTCONN, 0x2, SO_REUSEADDR, 0x4, SO_KEEPALIVE, 0x8,
            SO_BROADCAST, 0x20, SO_LINGER, 0x80, SO_REUSEPORT, 0x200, SO_SNDBUF, 0x1001,
            SO_RCVBUF, 0x1002, SO_ERROR, 0x1007, SO_TYPE, 0x1008,
            IP_TOS, 3, IP_TTL, 4, IP_MULTICAST_IF, 9, IP_MULTICAST_TTL, 10, IP_MULTICAST_LOOP, 11,
            IP_ADD_MEMBERSHIP, 12, IP_DROP_MEMBERSHIP, 13,
            IPV6_UNICAST_HOPS, 4, IPV6_MULTICAST_IF, 9, IPV6_MULTICAST_HOPS, 10, IPV6_MULTICAST_LOOP, 11, IPV6_ADD_MEMBERSHIP, 12,
            IPV6_DROP_MEMBERSHIP, 13, IPV6_V6ONLY, 27, IPV6_TCLASS, 61,
            MSG_TRUNC, 0x10, MSG_CTRUNC, 0x20, MSG_DONTWAIT, 0x80, O_NONBLOCK, 0x4,
            EVFILT_READ, -1, EVFILT_WRITE, -2, EVFILT_AIO, -3,
            EV_ADD, 0x1, EV_DELETE, 0x2, EV_CLEAR, 0x20, EV_RECEIPT, 0x40, EV_ERROR, 0x4000, EV_EOF, 0x8000)
            .named(IPV6_ADD_MEMBERSHIP, "IPV6_JOIN_GROUP")
            .named(IPV6_DROP_MEMBERSHIP, "IPV6_LEAVE_GROUP");

    /** 4.4BSD's errno numbering, which every BSD-derived OS keeps for these names. */
    static final ErrnoTable ERRNOS = ErrnoTable.ofRuns(
            1, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD",
            "EDEADLK", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV",
            "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC",
            "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE",
            "EAGAIN", "EINPROGRESS", "EALREADY", "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE",
            "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT",
            "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET",
            "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN",
            "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED", "ELOOP", "ENAMETOOLONG", "EHOSTDOWN",
            "EHOSTUNREACH");

    static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("msg_name"),
            SOCKLEN_T.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("msg_iov"),
            ValueLayout.JAVA_INT.withName("msg_iovlen"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("msg_control"),
            SOCKLEN_T.withName("msg_controllen"),
            ValueLayout.JAVA_INT.withName("msg_flags")).withName("msghdr");

    /** {@code struct kevent} as macOS, OpenBSD and DragonFly have it: 32 bytes. */
    static final StructLayout KEVENT_32 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("ident"),
            ValueLayout.JAVA_SHORT.withName("filter"),
            ValueLayout.JAVA_SHORT.withName("flags"),
            ValueLayout.JAVA_INT.withName("fflags"),
            ValueLayout.JAVA_LONG.withName("data"),
            ValueLayout.JAVA_LONG.withName("udata")).withName("kevent");

    /** {@code struct xucred} of {@code LOCAL_PEERCRED} as FreeBSD and DragonFly have it. */
    static final StructLayout XUCRED_WITH_TAIL = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("cr_version"),
            ValueLayout.JAVA_INT.withName("cr_uid"),
            ValueLayout.JAVA_SHORT.withName("cr_ngroups"),
            MemoryLayout.paddingLayout(2),
            MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_INT).withName("cr_groups"),
            // FreeBSD: a union holding cr_pid; DragonFly: an unused pointer. Neither is read.
            MemoryLayout.paddingLayout(12)).withName("xucred");

    private BsdTables() {}

    /**
     * The structures of a BSD-derived OS.
     *
     * @param cmsgAlignment what {@code CMSG_ALIGN} rounds to: 4 on macOS, 8 elsewhere
     * @param storageSize {@code sizeof(struct sockaddr_storage)}: 128, or 256 on OpenBSD
     * @param mmsghdr {@code struct mmsghdr}, or null where there is no {@code recvmmsg}
     * @param peerCredentials what the OS's peer-credentials option fills
     * @param kevent {@code struct kevent}
     * @return the layouts
     */
    static UnixLayouts layouts(long cmsgAlignment, int storageSize, StructLayout mmsghdr, StructLayout peerCredentials, StructLayout kevent) {
        return new UnixLayouts(
                UnixLayouts.IOVEC,
                MSGHDR,
                mmsghdr,
                MemoryLayout.structLayout(
                        SOCKLEN_T.withName("cmsg_len"),
                        ValueLayout.JAVA_INT.withName("cmsg_level"),
                        ValueLayout.JAVA_INT.withName("cmsg_type")).withName("cmsghdr"),
                cmsgAlignment,
                peerCredentials,
                UnixLayouts.LINGER,
                UnixLayouts.POLLFD,
                UnixLayouts.NFDS_INT,
                MemoryLayout.structLayout(
                        ValueLayout.JAVA_BYTE.withName("sin_len"),
                        SA_FAMILY_T.withName("sin_family"),
                        ValueLayout.JAVA_SHORT.withName("sin_port"),
                        ValueLayout.JAVA_INT.withName("sin_addr"),
                        MemoryLayout.sequenceLayout(8, ValueLayout.JAVA_BYTE).withName("sin_zero")).withName("sockaddr_in"),
                MemoryLayout.structLayout(
                        ValueLayout.JAVA_BYTE.withName("sin6_len"),
                        SA_FAMILY_T.withName("sin6_family"),
                        ValueLayout.JAVA_SHORT.withName("sin6_port"),
                        ValueLayout.JAVA_INT.withName("sin6_flowinfo"),
                        MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("sin6_addr"),
                        ValueLayout.JAVA_INT.withName("sin6_scope_id")).withName("sockaddr_in6"),
                MemoryLayout.structLayout(
                        ValueLayout.JAVA_BYTE.withName("sun_len"),
                        SA_FAMILY_T.withName("sun_family"),
                        MemoryLayout.sequenceLayout(104, ValueLayout.JAVA_BYTE).withName("sun_path")).withName("sockaddr_un"),
                MemoryLayout.structLayout(
                        ValueLayout.JAVA_BYTE.withName("ss_len"),
                        SA_FAMILY_T.withName("ss_family"),
                        MemoryLayout.paddingLayout(storageSize - 2)).withName("sockaddr_storage"),
                kevent);
    }

    /**
     * {@code struct mmsghdr} with a {@code msg_len} of the given width.
     *
     * @param msgLen {@code unsigned int} (NetBSD, OpenBSD) or {@code ssize_t} (FreeBSD)
     * @return the layout
     */
    static StructLayout mmsghdr(ValueLayout msgLen) {
        return msgLen.byteSize() == 8
                ? MemoryLayout.structLayout(MSGHDR.withName("msg_hdr"), msgLen.withName("msg_len")).withName("mmsghdr")
                : MemoryLayout.structLayout(MSGHDR.withName("msg_hdr"), msgLen.withName("msg_len"),
                        MemoryLayout.paddingLayout(8 - msgLen.byteSize())).withName("mmsghdr");
    }
}
