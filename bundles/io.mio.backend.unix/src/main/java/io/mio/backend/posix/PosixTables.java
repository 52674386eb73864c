package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

/**
 * The constants every Unix here numbers alike — the IANA protocol numbers, the first address
 * families and socket types, {@code shutdown}'s, {@code fcntl}'s and {@code poll}'s values,
 * {@code SCM_RIGHTS} — from which each OS's table starts ({@link LinuxTables}, {@link BsdTables}).
 * Alike by history, not by any standard's promise: every table is still checked, fact by fact,
 * for every OS.
 */
final class PosixTables {
    static final ConstantTable COMMON = ConstantTable.of(
            AF_UNIX, 1, AF_INET, 2,
            SOCK_STREAM, 1, SOCK_DGRAM, 2, SOCK_RAW, 3, SOCK_SEQPACKET, 5,
            IPPROTO_IP, 0, IPPROTO_TCP, 6, TCP_NODELAY, 1, IPPROTO_UDP, 17, IPPROTO_IPV6, 41,
            SHUT_RD, 0, SHUT_WR, 1, SHUT_RDWR, 2,
            MSG_PEEK, 0x2, SCM_RIGHTS, 1,
            F_GETFD, 1, F_SETFD, 2, F_GETFL, 3, F_SETFL, 4, FD_CLOEXEC, 1, O_ACCMODE, 3,
            POLLIN, 0x1, POLLPRI, 0x2, POLLOUT, 0x4, POLLERR, 0x8, POLLHUP, 0x10, POLLNVAL, 0x20);

    private PosixTables() {}
}
