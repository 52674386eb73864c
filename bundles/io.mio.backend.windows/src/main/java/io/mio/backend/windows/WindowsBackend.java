package io.mio.backend.windows;

import io.mio.spi.Backend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;
import java.io.IOException;
import java.lang.foreign.Arena;

/**
 * Mio on Windows: an I/O completion port with an AFD poll request per socket, as mio and wepoll
 * poll sockets there, and Winsock. Readiness is edge-triggered by emulation, as mio's is: a kind
 * reported once is reported again after a call found it exhausted (would-block).
 */
public final class WindowsBackend implements Backend {
    /** For {@link java.util.ServiceLoader}. */
    public WindowsBackend() {}

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public int preference() {
        return 10;
    }

    @Override
    public boolean reportsEveryArrival() {
        return false; // an AFD poll reports a kind again only after a would-block re-arms it
    }

    @Override
    public boolean reportsPriority() {
        return false; // as mio: AFD has out-of-band events, but the interest registers nothing
    }

    @Override
    public boolean reportsTruncatedLength() {
        return false; // WSAEMSGSIZE says only that the datagram was cut
    }

    @Override
    public String unavailabilityCause() {
        return unavailabilityCause(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * Why this backend could not run on a machine, or null when it could, asked of any OS so
     * that a test on one machine checks the choice on all of them.
     *
     * @param os the machine's {@code os.name}
     * @param arch its {@code os.arch}
     * @return the cause, or null
     */
    public String unavailabilityCause(String os, String arch) {
        if (WineTestHost.isThis()) {
            return null; // the Wine test host: Windows's DLLs in a Linux JVM
        }
        if (!os.startsWith("Windows")) {
            return "the Windows backend runs on Windows, and this is " + os;
        }
        if (!arch.equals("amd64") && !arch.equals("aarch64")) {
            return "the Windows backend has the 64-bit ABI only (amd64, aarch64), and this is " + arch;
        }
        return null;
    }

    @Override
    public Selector openSelector() throws IOException {
        return new IocpSelector();
    }

    @Override
    public EventArray newEventArray(int capacity) {
        return new IocpEventArray(capacity, Arena.ofAuto());
    }

    @Override
    public Sockets sockets() {
        return WinsockSockets.INSTANCE;
    }

    @Override
    public UnixCalls unix() {
        return null; // no pipes, socket pairs or descriptor passing
    }

    @Override
    public String toString() {
        return "Mio Windows backend (IOCP + AFD)";
    }
}
