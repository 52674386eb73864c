package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.util.Map;
import java.util.Set;

/**
 * DragonFly BSD, amd64 only (the only architecture it runs on): FreeBSD's descent with its own
 * flag bits, {@code EVFILT_USER} numbered -9, and no {@code recvmmsg}.
 */
final class DragonFlyTables {
    static final ConstantTable CONSTANTS = BsdTables.CONSTANTS.with(
            AF_INET6, 28, O_CLOEXEC, 0x2_0000, SOCK_NONBLOCK, 0x2000_0000, SOCK_CLOEXEC, 0x1000_0000,
            SO_NOSIGPIPE, 0x800, MSG_NOSIGNAL, 0x400, MSG_CMSG_CLOEXEC, 0x1000, LOCAL_PEERCRED, 1,
            EVFILT_USER, -9, NOTE_TRIGGER, 0x100_0000, TCP_KEEPIDLE, 256, TCP_KEEPINTVL, 512, TCP_KEEPCNT, 1024);

    static final UnixAbi ABI = new UnixAbi("DragonFly", Set.of("amd64"), CONSTANTS, BsdTables.ERRNOS,
            BsdTables.layouts(8, 128, null, BsdTables.XUCRED_WITH_TAIL, BsdTables.KEVENT_32),
            new PosixFeatures(true, true, true, false, true, false, false), PeerQuery.xucred(null), Map.of());

    private DragonFlyTables() {}
}
