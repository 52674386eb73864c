package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.util.Map;
import java.util.Set;

/**
 * OpenBSD, on amd64 and aarch64: its own {@code SOCK_*} flag bits, a 256-byte
 * {@code sockaddr_storage}, peer credentials by {@code SO_PEERCRED} in a
 * {@code struct sockpeercred} (uid, gid, pid — not Linux's order), no {@code SO_NOSIGPIPE}
 * (it has {@code MSG_NOSIGNAL}) and no {@code EVFILT_USER} in the tables here: its Waker is a
 * pipe, as mio's. {@code recvmmsg} came in OpenBSD 7.2 and is not used, so older releases work.
 */
final class OpenBsdTables {
    static final ConstantTable CONSTANTS = BsdTables.CONSTANTS.with(
            AF_INET6, 24, O_CLOEXEC, 0x1_0000, SOCK_NONBLOCK, 0x4000, SOCK_CLOEXEC, 0x8000,
            SO_PEERCRED, 0x1022, MSG_NOSIGNAL, 0x400, MSG_CMSG_CLOEXEC, 0x800);

    static final UnixLayouts LAYOUTS = BsdTables.layouts(8, 256, null,
            UnixLayouts.ints("sockpeercred", "uid", "gid", "pid"),
            BsdTables.KEVENT_32);

    static final UnixAbi ABI = new UnixAbi("OpenBSD", Set.of("amd64", "aarch64"), CONSTANTS, BsdTables.ERRNOS, LAYOUTS,
            new PosixFeatures(true, true, true, false, true, false, false), PeerQuery.soPeercred(CONSTANTS), Map.of());

    private OpenBsdTables() {}
}
