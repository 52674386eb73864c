package io.mio.backend.linux;

import io.mio.backend.posix.PosixSockets;
import io.mio.spi.Backend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;
import java.io.IOException;

/**
 * The Linux backend: epoll, an eventfd waker, Linux sockets. Registered for
 * {@link java.util.ServiceLoader} both by {@code provides} in its module descriptor and by
 * {@code META-INF/services}, so that the core finds it on the module path, the class path and in
 * OSGi, where this jar is a fragment of {@code io.mio.core}.
 */
public final class LinuxBackend implements Backend {
    /** Creates the backend; {@link java.util.ServiceLoader} calls this. */
    public LinuxBackend() {}

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public int preference() {
        return 10;
    }

    @Override
    public boolean reportsEveryArrival() {
        return true;
    }

    @Override
    public String unavailabilityCause() {
        String os = System.getProperty("os.name", "");
        if (!os.equalsIgnoreCase("linux")) {
            return "it needs Linux, and this is " + os;
        }
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("aarch64")) {
            return "its structure layouts are declared for amd64 and aarch64, and this is " + arch;
        }
        return null;
    }

    @Override
    public Selector openSelector() throws IOException {
        return EpollSelector.open();
    }

    @Override
    public EventArray newEventArray(int capacity) {
        return new EpollEventArray(capacity);
    }

    @Override
    public Sockets sockets() {
        return PosixSockets.INSTANCE;
    }

    @Override
    public UnixCalls unix() {
        return PosixSockets.INSTANCE;
    }

    @Override
    public String toString() {
        return "Mio Linux backend (epoll)";
    }
}
