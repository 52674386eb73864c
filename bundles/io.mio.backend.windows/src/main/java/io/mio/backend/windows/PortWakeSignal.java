package io.mio.backend.windows;

import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Waker on the selector's completion port: a wake posts a completion carrying the token as its
 * key and this signal's number as its context. Wakes made while one is queued are one event, as
 * an eventfd's are on Linux: the post is made only when none is pending, and the selector
 * {@linkplain #delivered() clears} it as it dequeues the completion.
 */
final class PortWakeSignal implements WakeSignal {
    private final IocpSelector selector;
    private final long token;
    /** The completion context, negative so that no AFD request's slot number is ever taken for it. */
    final long context;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;

    PortWakeSignal(IocpSelector selector, long token, long context) {
        this.selector = selector;
        this.token = token;
        this.context = context;
    }

    @Override
    public void wake() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (pending.compareAndSet(false, true)) {
            try {
                selector.post(token, context);
            } catch (IOException | RuntimeException e) {
                pending.set(false);
                throw e;
            }
        }
    }

    /** The selector dequeued this signal's completion: the next wake posts again. */
    void delivered() {
        pending.set(false);
    }

    long token() {
        return token;
    }

    @Override
    public void close() {
        closed = true;
        selector.forget(this);
    }
}
