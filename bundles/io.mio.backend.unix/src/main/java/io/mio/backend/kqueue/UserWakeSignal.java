package io.mio.backend.kqueue;

import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * A Waker on an {@code EVFILT_USER} event of the queue (macOS, FreeBSD, DragonFly), as mio's:
 * each wake triggers it with {@code NOTE_TRIGGER}; {@code EV_CLEAR} resets it when the poll
 * reports it, as one readable event with the Waker's token. Nothing to drain.
 */
final class UserWakeSignal implements WakeSignal {
    private final KqueueSelector selector;
    private final long ident;
    private final long token;
    private volatile boolean closed;

    UserWakeSignal(KqueueSelector selector, long ident, long token) {
        this.selector = selector;
        this.ident = ident;
        this.token = token;
    }

    @Override
    public void wake() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        selector.user(ident, token, false);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                selector.user(ident, token, true);
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                // The queue is gone, and the event with it.
            }
        }
    }

    @Override
    public String toString() {
        return "EVFILT_USER " + ident + " of " + selector;
    }
}
