package io.mio.backend.posix;

import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * A waker of a {@link PollSelector}: a flag and a byte in the selector's own wake pipe, as mio's
 * poll selector does; the poller reports one readable event with the waker's token per batch of
 * wakes.
 */
final class PollWakeSignal implements WakeSignal {
    private final PollSelector selector;
    private volatile boolean closed;

    PollWakeSignal(PollSelector selector) {
        this.selector = selector;
    }

    @Override
    public void wake() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        selector.wake();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "wake flag of " + selector;
    }
}
