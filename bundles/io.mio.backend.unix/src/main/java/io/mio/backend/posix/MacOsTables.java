package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Set;

/**
 * macOS (x86_64 and Apple silicon alike): 4.4BSD's tables with Darwin's own numbers, and none
 * of the calls beyond POSIX — no {@code SOCK_CLOEXEC}, {@code accept4}, {@code pipe2},
 * {@code recvmmsg} or {@code MSG_NOSIGNAL}: sockets are made non-blocking and close-on-exec with
 * {@code fcntl}, and {@code SO_NOSIGPIPE} keeps a send from raising SIGPIPE. {@code SO_LINGER}
 * is {@code SO_LINGER_SEC}, the variant in seconds that Java's linger means.
 */
final class MacOsTables {
    static final ConstantTable CONSTANTS = BsdTables.CONSTANTS
            .with(AF_INET6, 30, O_CLOEXEC, 0x100_0000, IPV6_TCLASS, 36, SO_LINGER, 0x1080, SO_NOSIGPIPE, 0x1022,
                    SOL_LOCAL, 0, LOCAL_PEERCRED, 1, LOCAL_PEERPID, 2, EVFILT_USER, -10, NOTE_TRIGGER, 0x100_0000,
                    TCP_KEEPIDLE, 0x10, TCP_KEEPINTVL, 0x101, TCP_KEEPCNT, 0x102)
            .named(SO_LINGER, "SO_LINGER_SEC")
            .named(TCP_KEEPIDLE, "TCP_KEEPALIVE");

    /** Darwin numbers {@code EOPNOTSUPP} 102 and gives 45 to {@code ENOTSUP}. */
    static final ErrnoTable ERRNOS = BsdTables.ERRNOS.with("ENOTSUP", 45, "EOPNOTSUPP", 102);

    static final UnixLayouts LAYOUTS = BsdTables.layouts(4, 128, null,
            MemoryLayout.structLayout(
                    ValueLayout.JAVA_INT.withName("cr_version"),
                    ValueLayout.JAVA_INT.withName("cr_uid"),
                    ValueLayout.JAVA_SHORT.withName("cr_ngroups"),
                    MemoryLayout.paddingLayout(2),
                    MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_INT).withName("cr_groups")).withName("xucred"),
            BsdTables.KEVENT_32);

    static final UnixAbi ABI = new UnixAbi("Mac OS X", Set.of("x86_64", "aarch64"), CONSTANTS, ERRNOS, LAYOUTS,
            PosixFeatures.POSIX_ONLY, PeerQuery.xucred(LOCAL_PEERPID), Map.of());

    private MacOsTables() {}
}
