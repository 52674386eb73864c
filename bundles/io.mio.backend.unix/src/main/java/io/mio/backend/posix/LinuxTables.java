package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Set;

/**
 * Linux's socket ABI as data, for x86_64 and aarch64: both use the kernel's generic numbering
 * and LP64 layouts, so one table serves both (the architectures that differ, such as MIPS, SPARC
 * and PowerPC, are not declared). {@code SystemHeadersAbiTest} checks every value against the machine's
 * own headers, and {@code LibcCrateAbiTest} against the Rust {@code libc} crate's tables for
 * each architecture named here.
 */
final class LinuxTables {
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfInt SOCKLEN_T = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfShort SA_FAMILY_T = ValueLayout.JAVA_SHORT;

    static final ConstantTable CONSTANTS = PosixTables.COMMON.with(
            AF_INET6, 10, SOCK_NONBLOCK, 0x800, SOCK_CLOEXEC, 0x80000,
            SOL_SOCKET, 1, SO_REUSEADDR, 2, SO_TYPE, 3, SO_ERROR, 4, SO_BROADCAST, 6, SO_SNDBUF, 7,
            SO_RCVBUF, 8, SO_KEEPALIVE, 9, SO_LINGER, 13, SO_REUSEPORT, 15, SO_PEERCRED, 17,
            SO_ACCEPTCONN, 30, SO_PROTOCOL, 38,
            IP_TOS, 1, IP_TTL, 2, IP_MULTICAST_IF, 32, IP_MULTICAST_TTL, 33, IP_MULTICAST_LOOP, 34,
            IP_ADD_MEMBERSHIP, 35, IP_DROP_MEMBERSHIP, 36,
            TCP_KEEPIDLE, 4, TCP_KEEPINTVL, 5, TCP_KEEPCNT, 6, TCP_QUICKACK, 12,
            IPV6_UNICAST_HOPS, 16, IPV6_MULTICAST_IF, 17, IPV6_MULTICAST_HOPS, 18, IPV6_MULTICAST_LOOP, 19, IPV6_ADD_MEMBERSHIP, 20,
            IPV6_DROP_MEMBERSHIP, 21, IPV6_V6ONLY, 26, IPV6_TCLASS, 67,
            MSG_CTRUNC, 0x8, MSG_TRUNC, 0x20, MSG_DONTWAIT, 0x40, MSG_NOSIGNAL, 0x4000,
            MSG_CMSG_CLOEXEC, 0x4000_0000,
            O_NONBLOCK, 0x800, O_CLOEXEC, 0x80000, POLLRDHUP, 0x2000);

    /** {@code <asm-generic/errno-base.h>} and the network part of {@code <asm-generic/errno.h>}. */
    static final ErrnoTable ERRNOS = ErrnoTable.ofRuns(
            1, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD",
            "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV",
            "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC",
            "ESPIPE", "EROFS", "EMLINK", "EPIPE",
            88, "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT",
            "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE",
            "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET",
            "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT",
            "ECONNREFUSED", "EHOSTDOWN", "EHOSTUNREACH", "EALREADY", "EINPROGRESS");

    private static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("msg_name"),
            SOCKLEN_T.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("msg_iov"),
            SIZE_T.withName("msg_iovlen"),
            ValueLayout.JAVA_LONG.withName("msg_control"),
            SIZE_T.withName("msg_controllen"),
            ValueLayout.JAVA_INT.withName("msg_flags"),
            MemoryLayout.paddingLayout(4)).withName("msghdr");

    static final UnixLayouts LAYOUTS = new UnixLayouts(
            UnixLayouts.IOVEC,
            MSGHDR,
            MemoryLayout.structLayout(
                    MSGHDR.withName("msg_hdr"),
                    ValueLayout.JAVA_INT.withName("msg_len"),
                    MemoryLayout.paddingLayout(4)).withName("mmsghdr"),
            MemoryLayout.structLayout(
                    SIZE_T.withName("cmsg_len"),
                    ValueLayout.JAVA_INT.withName("cmsg_level"),
                    ValueLayout.JAVA_INT.withName("cmsg_type")).withName("cmsghdr"),
            SIZE_T.byteSize(),
            UnixLayouts.ints("ucred", "pid", "uid", "gid"),
            UnixLayouts.LINGER,
            UnixLayouts.POLLFD,
            UnixLayouts.NFDS_LONG,
            MemoryLayout.structLayout(
                    SA_FAMILY_T.withName("sin_family"),
                    ValueLayout.JAVA_SHORT.withName("sin_port"), // network order
                    ValueLayout.JAVA_INT.withName("sin_addr"),
                    MemoryLayout.sequenceLayout(8, ValueLayout.JAVA_BYTE).withName("sin_zero")).withName("sockaddr_in"),
            MemoryLayout.structLayout(
                    SA_FAMILY_T.withName("sin6_family"),
                    ValueLayout.JAVA_SHORT.withName("sin6_port"),
                    ValueLayout.JAVA_INT.withName("sin6_flowinfo"),
                    MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("sin6_addr"),
                    ValueLayout.JAVA_INT.withName("sin6_scope_id")).withName("sockaddr_in6"),
            MemoryLayout.structLayout(
                    SA_FAMILY_T.withName("sun_family"),
                    MemoryLayout.sequenceLayout(108, ValueLayout.JAVA_BYTE).withName("sun_path")).withName("sockaddr_un"),
            MemoryLayout.structLayout(
                    SA_FAMILY_T.withName("ss_family"),
                    MemoryLayout.paddingLayout(126)).withName("sockaddr_storage"),
            null);

    /** Linux since 2.6.33 has every call beyond POSIX the code can use. */
    static final PosixFeatures FEATURES = new PosixFeatures(true, true, true, true, true, true, true);

    static final UnixAbi ABI = new UnixAbi("Linux", Set.of("amd64", "aarch64"), CONSTANTS, ERRNOS, LAYOUTS, FEATURES,
            PeerQuery.soPeercred(CONSTANTS), Map.of());

    private LinuxTables() {}
}
