/**
 * Mio's Linux backend: epoll with an eventfd waker, the poll(2) fallback, and the Linux socket
 * ABI, called through the Foreign Function and Memory API. Grant it native access with
 * {@code --enable-native-access=io.mio.backend.linux} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path, OSGi).
 */
module io.mio.backend.linux {
    requires io.mio.core;

    provides io.mio.spi.Backend with io.mio.backend.linux.LinuxBackend, io.mio.backend.kqueue.KqueueBackend,
            io.mio.backend.posix.PollBackend;
}
