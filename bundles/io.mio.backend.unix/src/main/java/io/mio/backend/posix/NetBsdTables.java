package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Set;

/**
 * NetBSD 8 to 10, on amd64 and aarch64: kqueue's filters numbered from 0 and a 40-byte
 * {@code struct kevent} with 32-bit filter and flags, reached as {@code __kevent50} (and
 * {@code socket} as {@code __socket30}): NetBSD's headers rename them, and a symbol lookup by
 * the plain name would find the old ABI. Peer credentials by {@code LOCAL_PEEREID} in a
 * {@code struct unpcbid}; no {@code EVFILT_USER} in the tables here, so its Waker is a pipe.
 */
final class NetBsdTables {
    static final ConstantTable CONSTANTS = BsdTables.CONSTANTS.with(
            AF_INET6, 24, O_CLOEXEC, 0x40_0000, SOCK_NONBLOCK, 0x2000_0000, SOCK_CLOEXEC, 0x1000_0000,
            MSG_NOSIGNAL, 0x400, MSG_CMSG_CLOEXEC, 0x800, LOCAL_PEEREID, 3,
            EVFILT_READ, 0, EVFILT_WRITE, 1, EVFILT_AIO, 2, TCP_KEEPIDLE, 3, TCP_KEEPINTVL, 5, TCP_KEEPCNT, 6);

    /**
     * The layouts, which differ between the architectures only in what {@code CMSG_ALIGN} rounds
     * to: a {@code long} on amd64, an {@code int} on aarch64 (as the libc crate has it).
     */
    private static UnixLayouts layouts(long cmsgAlignment) {
        return BsdTables.layouts(cmsgAlignment, 128, BsdTables.mmsghdr(ValueLayout.JAVA_INT),
                UnixLayouts.ints("unpcbid", "unp_pid", "unp_euid", "unp_egid"),
                MemoryLayout.structLayout(
                        ValueLayout.JAVA_LONG.withName("ident"),
                        ValueLayout.JAVA_INT.withName("filter"),
                        ValueLayout.JAVA_INT.withName("flags"),
                        ValueLayout.JAVA_INT.withName("fflags"),
                        MemoryLayout.paddingLayout(4),
                        ValueLayout.JAVA_LONG.withName("data"),
                        ValueLayout.JAVA_LONG.withName("udata")).withName("kevent"));
    }

    private static final PosixFeatures FEATURES = new PosixFeatures(true, true, true, true, true, false, false);
    private static final PeerQuery PEER = new PeerQuery(0, LOCAL_PEEREID, "unp_pid", "unp_euid", "unp_egid", null);
    private static final Map<String, String> LINK_NAMES = Map.of("socket", "__socket30", "kevent", "__kevent50");

    static final UnixAbi AMD64 = new UnixAbi("NetBSD", Set.of("amd64"), CONSTANTS, BsdTables.ERRNOS, layouts(8), FEATURES, PEER, LINK_NAMES);
    static final UnixAbi AARCH64 = new UnixAbi("NetBSD", Set.of("aarch64"), CONSTANTS, BsdTables.ERRNOS, layouts(4), FEATURES, PEER, LINK_NAMES);

    private NetBsdTables() {}
}
