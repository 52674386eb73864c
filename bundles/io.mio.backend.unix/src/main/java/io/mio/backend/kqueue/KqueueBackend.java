package io.mio.backend.kqueue;

import io.mio.backend.posix.KeventAbi;
import io.mio.backend.posix.PosixBackend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The backend of macOS and the BSDs: kqueue, a Waker on {@code EVFILT_USER} or a pipe, and the
 * POSIX sockets with the OS's tables. Registered for {@link java.util.ServiceLoader} as the
 * Linux backend is; unavailable wherever this OS's tables declare no {@code struct kevent}.
 */
public final class KqueueBackend extends PosixBackend {
    /** Creates the backend; {@link java.util.ServiceLoader} calls this. */
    public KqueueBackend() {}

    /**
     * A developer's switch, for Linux only: the path of a libkqueue build ({@code libkqueue.so}),
     * kqueue emulated over epoll, through which this backend then runs, so that the behaviour
     * suite can exercise the kqueue code against a second implementation. Select the backend
     * too: {@code -Dio.mio.backend=kqueue}. Not for production: libkqueue differs from the BSD
     * kernels (README, "kqueue against libkqueue").
     */
    public static final String LIBKQUEUE_PROPERTY = "io.mio.kqueue.library";

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
    public boolean reportsPriority() {
        return false; // no out-of-band filter: EVFILT_READ counts only in-band bytes
    }

    @Override
    public String unavailabilityCause(String os, String arch) {
        String cause = super.unavailabilityCause(os, arch);
        if (cause != null) {
            return cause;
        }
        String library = System.getProperty(LIBKQUEUE_PROPERTY);
        if (library != null && os.equalsIgnoreCase("linux")) {
            return Files.isReadable(Path.of(library)) ? null
                    : "-D" + LIBKQUEUE_PROPERTY + " names " + library + ", which is not a readable file";
        }
        return KeventAbi.of(os, arch) == null ? "kqueue is macOS's and the BSDs', and " + os + " has none" : null;
    }

    /** The ABI of the kqueue this process calls: the OS's, or libkqueue's under the switch. */
    private static KeventAbi abi() {
        return Libkqueue.PATH != null ? KeventAbi.libkqueue()
                : KeventAbi.of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** libkqueue on Linux, loaded once for the process when the switch names it. */
    private static final class Libkqueue {
        static final String PATH = System.getProperty("os.name", "").equalsIgnoreCase("linux")
                ? System.getProperty(LIBKQUEUE_PROPERTY) : null;
        @SuppressWarnings("restricted") // this module is the one granted native access
        static final SymbolLookup LOOKUP = PATH == null ? null : SymbolLookup.libraryLookup(Path.of(PATH), Arena.global());
    }

    @Override
    public Selector openSelector() throws IOException {
        KeventAbi abi = abi();
        return KqueueSelector.open(new NativeKqueueCalls(abi, Libkqueue.LOOKUP), abi);
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
