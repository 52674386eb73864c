/**
 * Mio's Unix backends, called through the Foreign Function and Memory API: epoll with an
 * eventfd waker (Linux), kqueue (macOS and the BSDs), the poll(2) fallback, and the POSIX
 * sockets over one ABI table per OS. Grant it native access with
 * {@code --enable-native-access=io.mio.backend.unix} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path, OSGi).
 */
module io.mio.backend.unix {
    requires io.mio.core;

    provides io.mio.spi.Backend with io.mio.backend.linux.LinuxBackend, io.mio.backend.kqueue.KqueueBackend,
            io.mio.backend.posix.PollBackend;
}
