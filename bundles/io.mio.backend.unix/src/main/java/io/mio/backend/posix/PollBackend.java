package io.mio.backend.posix;

import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import java.io.IOException;

/**
 * The portable fallback: {@code poll(2)} with edge triggering emulated, over the same sockets as
 * the OS's own backend. Chosen automatically only where nothing better can run; force it with
 * {@code -Dio.mio.backend=poll}.
 */
public final class PollBackend extends PosixBackend {
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
    public boolean reportsPriority() {
        return true; // POLLPRI
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
    public String toString() {
        return "Mio poll(2) backend";
    }
}
