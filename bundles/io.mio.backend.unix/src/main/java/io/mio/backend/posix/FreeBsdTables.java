package io.mio.backend.posix;

import static io.mio.backend.posix.UnixConstant.*;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Set;

/**
 * FreeBSD 12 and later, on amd64 and aarch64: every call beyond POSIX the code uses, the 64-byte
 * {@code struct kevent} of FreeBSD 12 (with {@code ext[4]}; {@code kevent} resolves to its
 * default version, {@code kevent@FBSD_1.5}, which takes it), {@code EVFILT_USER} and
 * {@code EVFILT_LIO}.
 */
final class FreeBsdTables {
    static final ConstantTable CONSTANTS = BsdTables.CONSTANTS.with(
            AF_INET6, 28, O_CLOEXEC, 0x10_0000, SOCK_NONBLOCK, 0x2000_0000, SOCK_CLOEXEC, 0x1000_0000,
            SO_PROTOCOL, 0x1016, SO_NOSIGPIPE, 0x800, MSG_NOSIGNAL, 0x2_0000,
            MSG_CMSG_CLOEXEC, 0x4_0000, LOCAL_PEERCRED, 1, EVFILT_USER, -11, EVFILT_LIO, -10, NOTE_TRIGGER, 0x100_0000,
            TCP_KEEPIDLE, 256, TCP_KEEPINTVL, 512, TCP_KEEPCNT, 1024);

    static final UnixLayouts LAYOUTS = BsdTables.layouts(8, 128, BsdTables.mmsghdr(ValueLayout.JAVA_LONG),
            BsdTables.XUCRED_WITH_TAIL,
            MemoryLayout.structLayout(
                    ValueLayout.JAVA_LONG.withName("ident"),
                    ValueLayout.JAVA_SHORT.withName("filter"),
                    ValueLayout.JAVA_SHORT.withName("flags"),
                    ValueLayout.JAVA_INT.withName("fflags"),
                    ValueLayout.JAVA_LONG.withName("data"),
                    ValueLayout.JAVA_LONG.withName("udata"),
                    MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_LONG).withName("ext")).withName("kevent"));

    static final UnixAbi ABI = new UnixAbi("FreeBSD", Set.of("amd64", "aarch64"), CONSTANTS, BsdTables.ERRNOS, LAYOUTS,
            new PosixFeatures(true, true, true, true, true, false, false), PeerQuery.xucred(null), Map.of());

    private FreeBsdTables() {}
}
