package io.mio.backend.windows;

import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * A Waker on the selector's completion port, as mio's: each wake posts a completion with the
 * token as its key and a readable event as its byte count. Nothing to register or drain; wakes
 * made before a poll are each delivered, one event apiece.
 */
final class PortWakeSignal implements WakeSignal {
    private final IocpSelector selector;
    private final long token;
    private volatile boolean closed;

    PortWakeSignal(IocpSelector selector, long token) {
        this.selector = selector;
        this.token = token;
    }

    @Override
    public void wake() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        selector.post(token);
    }

    @Override
    public void close() {
        closed = true;
    }
}
