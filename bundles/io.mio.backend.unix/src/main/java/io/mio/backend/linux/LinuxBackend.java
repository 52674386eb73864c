package io.mio.backend.linux;

import io.mio.backend.posix.PosixBackend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import java.io.IOException;

/**
 * The Linux backend: epoll, an eventfd waker, and the POSIX sockets with Linux's tables. Registered for
 * {@link java.util.ServiceLoader} both by {@code provides} in its module descriptor and by
 * {@code META-INF/services}, so that the core finds it on the module path, the class path and in
 * OSGi, where this jar is a fragment of {@code io.mio.core}.
 */
public final class LinuxBackend extends PosixBackend {
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
    public boolean reportsPriority() {
        return true; // EPOLLPRI
    }

    @Override
    public String unavailabilityCause(String os, String arch) {
        if (!os.equalsIgnoreCase("linux")) {
            return "it needs Linux, and this is " + os;
        }
        return super.unavailabilityCause(os, arch); // tables for this architecture
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
    public String toString() {
        return "Mio Linux backend (epoll)";
    }
}
