package io.mio.backend.kqueue;

import io.mio.backend.posix.KeventAbi;
import io.mio.backend.posix.PosixBackend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import java.io.IOException;

/**
 * The backend of macOS and the BSDs: kqueue, a Waker on {@code EVFILT_USER} or a pipe, and the
 * POSIX sockets with the OS's tables. Registered for {@link java.util.ServiceLoader} as the
 * Linux backend is; unavailable wherever this OS's tables declare no {@code struct kevent}.
 */
public final class KqueueBackend extends PosixBackend {
    /** Creates the backend; {@link java.util.ServiceLoader} calls this. */
    public KqueueBackend() {}

    @Override
    public String name() {
        return "kqueue";
    }

    @Override
    public int preference() {
        return 10;
    }

    @Override
    public boolean reportsEveryArrival() {
        return true; // EV_CLEAR fires on every change of the amount ready, as EPOLLET does
    }

    @Override
    public String unavailabilityCause() {
        String cause = super.unavailabilityCause();
        if (cause != null) {
            return cause;
        }
        return abi() == null ? "kqueue is macOS's and the BSDs', and " + System.getProperty("os.name") + " has none" : null;
    }

    private static KeventAbi abi() {
        return KeventAbi.of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    @Override
    public Selector openSelector() throws IOException {
        KeventAbi abi = abi();
        return KqueueSelector.open(new NativeKqueueCalls(abi), abi);
    }

    @Override
    public EventArray newEventArray(int capacity) {
        return new KqueueEventArray(abi(), capacity);
    }

    @Override
    public String toString() {
        return "Mio kqueue backend";
    }
}
