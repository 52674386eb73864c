package io.mio.spi;

import java.nio.channels.ClosedSelectorException;
import java.util.function.LongConsumer;

/**
 * The handle of an OS event queue — an epoll, a kqueue, a completion port — and the rule every
 * backend keeps about closing it while a thread waits in it: the waiter holds the handle open
 * until its wait ends, so closing wakes it (each queue knows how), and the waiter, seeing the
 * queue closed, throws {@link ClosedSelectorException}. No select starts once the queue is closed.
 */
public final class EventQueue {
    private final Descriptor descriptor;
    /** Whether a thread is in the wait, so that {@link #close} knows to wake it. */
    private volatile boolean waiting;

    /**
     * Takes a new queue's descriptor.
     *
     * @param fd the descriptor
     * @param closer what closes it, and whatever else the queue made, once no thread holds it
     */
    public EventQueue(long fd, Descriptor.Closer closer) {
        this.descriptor = new Descriptor(fd, closer);
    }

    /**
     * Holds the descriptor open for a call; {@link #release()} after it.
     *
     * @return the descriptor
     * @throws ClosedSelectorException once closed
     */
    public long acquire() {
        long fd = descriptor.acquire();
        if (fd < 0) {
            throw new ClosedSelectorException();
        }
        return fd;
    }

    /** Ends a call {@link #acquire()} began. */
    public void release() {
        descriptor.release();
    }

    /**
     * Begins a wait; {@link #endWait()} after it, in a {@code finally}.
     *
     * @return the descriptor, held
     * @throws ClosedSelectorException once closed, also when the close came just now
     */
    public long beginWait() {
        long fd = acquire();
        waiting = true;
        if (descriptor.isClosed()) {
            endWait(); // closed between acquire and now: close() may not have seen the waiter
            throw new ClosedSelectorException();
        }
        return fd;
    }

    /**
     * Throws when the queue was closed while this thread waited.
     *
     * @throws ClosedSelectorException then
     */
    public void checkOpen() {
        if (descriptor.isClosed()) {
            throw new ClosedSelectorException();
        }
    }

    /** Ends a wait {@link #beginWait()} began. */
    public void endWait() {
        waiting = false;
        descriptor.release();
    }

    /**
     * Closes the queue; idempotent. Only the caller that closed it wakes a waiter, so that
     * concurrent closes make one signal, not two.
     *
     * @param wakeWaiter makes the queue's wait end, given the descriptor
     */
    public void close(LongConsumer wakeWaiter) {
        long fd = descriptor.acquire();
        if (fd < 0) {
            return; // closed already
        }
        try {
            if (descriptor.close() && waiting) {
                wakeWaiter.accept(fd);
            }
        } finally {
            descriptor.release(); // the last reference out closes the descriptor
        }
    }

    /**
     * The descriptor's number, for tests and diagnostics.
     *
     * @return the number
     */
    public long number() {
        return descriptor.number();
    }

    @Override
    public String toString() {
        return descriptor.toString();
    }
}
