package io.mio.backend.posix;

import io.mio.spi.Backend;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;

/**
 * What every Unix backend shares: the POSIX sockets and Unix calls of the {@link UnixAbi} chosen
 * at start-up, and that it cannot run where no table fits. A backend adds its selector, its event
 * array and what else it needs of the OS.
 */
public abstract class PosixBackend implements Backend {
    /** For the backends of this bundle. */
    protected PosixBackend() {}

    @Override
    public final String unavailabilityCause() {
        return unavailabilityCause(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * Why this backend could not run on a machine, or null when it could: what
     * {@link #unavailabilityCause()} answers here, asked of any OS so that a test on one machine
     * checks the choice on all of them. This answer says whether there are tables for it; a
     * backend adds what else it needs.
     *
     * @param os the machine's {@code os.name}
     * @param arch its {@code os.arch}
     * @return the cause, or null
     */
    public String unavailabilityCause(String os, String arch) {
        return Abi.unavailabilityCause(os, arch);
    }

    @Override
    public final boolean reportsTruncatedLength() {
        return Abi.current().features().truncatedLength();
    }

    @Override
    public final Sockets sockets() {
        return PosixSockets.INSTANCE;
    }

    @Override
    public final UnixCalls unix() {
        return PosixSockets.INSTANCE;
    }
}
