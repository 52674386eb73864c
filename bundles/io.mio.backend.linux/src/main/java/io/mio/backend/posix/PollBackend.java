package io.mio.backend.posix;

import io.mio.spi.Backend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;
import java.io.IOException;

/**
 * The portable fallback: {@code poll(2)} with edge triggering emulated, over the same sockets as
 * the OS's own backend. Chosen automatically only where nothing better can run; force it with
 * {@code -Dio.mio.backend=poll}.
 */
public final class PollBackend implements Backend {
    /** Creates the backend; {@link java.util.ServiceLoader} calls this. */
    public PollBackend() {}

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public int preference() {
        return 0;
    }

    @Override
    public boolean reportsEveryArrival() {
        return false;
    }

    @Override
    public String unavailabilityCause() {
        return Abi.unavailabilityCause(); // poll(2) is on every Unix this backend has tables for
    }

    @Override
    public Selector openSelector() throws IOException {
        return PollSelector.open();
    }

    @Override
    public EventArray newEventArray(int capacity) {
        return new PollEventArray(capacity);
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
        return "Mio poll(2) backend";
    }
}
