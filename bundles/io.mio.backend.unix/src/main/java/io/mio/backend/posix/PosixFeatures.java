package io.mio.backend.posix;

/**
 * What a Unix's socket calls offer beyond POSIX, declared once per OS. Where a feature is
 * missing, the sockets take the sequence every Unix has — the call, then {@code fcntl} — so that
 * the code is written once and an OS only declares what it lacks (macOS has no
 * {@code SOCK_CLOEXEC}, {@code accept4}, {@code pipe2} or {@code recvmmsg}).
 *
 * @param socketFlags {@code SOCK_NONBLOCK | SOCK_CLOEXEC} in {@code socket} and
 *     {@code socketpair}: a descriptor is never visible without them, even to a {@code fork}
 * @param accept4 {@code accept4} with the same flags
 * @param pipe2 {@code pipe2} with {@code O_NONBLOCK | O_CLOEXEC}
 * @param batchCalls {@code recvmmsg} and {@code sendmmsg}; else one call per datagram
 * @param cmsgCloexec {@code MSG_CMSG_CLOEXEC}: received descriptors close-on-exec atomically
 * @param abstractNames Unix-domain names outside the filesystem (a leading NUL), Linux's own
 * @param truncatedLength {@code MSG_TRUNC} given to {@code recvfrom} and {@code recvmmsg} makes
 *     them return a truncated datagram's full length (Linux); elsewhere {@code recvmsg} tells
 *     truncation by its {@code msg_flags}, and the full length is not known
 */
public record PosixFeatures(boolean socketFlags, boolean accept4, boolean pipe2, boolean batchCalls, boolean cmsgCloexec, boolean abstractNames, boolean truncatedLength) {
    /**
     * None of them: the paths every Unix can take, which the tests run on Linux so that an OS
     * that needs them gets code that has run.
     */
    static final PosixFeatures POSIX_ONLY = new PosixFeatures(false, false, false, false, false, false, false);
}
