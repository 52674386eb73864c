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
    public String unavailabilityCause() {
        return Abi.unavailabilityCause();
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
