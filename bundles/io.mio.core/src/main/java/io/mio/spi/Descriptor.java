package io.mio.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An OS handle — a Unix file descriptor, or a Windows {@code SOCKET} — that no call can reach
 * once it is closed, even when another thread closes it while a call is under way. Handles are
 * {@code long}, wide enough for a {@code SOCKET}; a Unix backend narrows to the C {@code int} at
 * its native calls, and the Unix API ({@code rawFd()}) hands out that {@code int}.
 *
 * <p>The danger this class removes: thread A reads descriptor 12 while thread B closes it and
 * thread C opens a new socket that the kernel numbers 12 again; A's next call would then touch C's
 * socket. Here every call brackets its use of the number with {@link #acquire()} and
 * {@link #release()}. {@link #close()} only marks the descriptor closed; the number is handed back
 * to the OS by whichever of the closer and the last in-flight call finishes last. Calls are
 * non-blocking, so that delay is the length of one system call.
 *
 * <p>The state is one {@code int}: bit 31 says closed, the rest counts references. The open
 * descriptor itself holds one reference, which {@link #close()} drops; a call holds another while
 * it runs. A reference is never taken once the closed bit is set, so the count reaches zero
 * exactly once.
 */
public class Descriptor {
    private static final int CLOSED = 0x8000_0000;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Descriptor.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long fd;
    private final Closer closer;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = 1;

    /** Closes a descriptor number for good; the backend supplies one shared instance. */
    @FunctionalInterface
    public interface Closer {
        /**
         * Gives {@code fd} back to the OS. Must not throw: a failed close loses nothing the caller
         * could act on (Linux releases the number even when {@code close} reports an error).
         *
         * @param fd the descriptor number
         */
        void close(long fd);
    }

    /**
     * Takes ownership of an open descriptor.
     *
     * @param fd the descriptor number, not negative
     * @param closer how to close it
     */
    public Descriptor(long fd, Closer closer) {
        if (fd < 0) {
            throw new IllegalArgumentException("negative descriptor " + fd);
        }
        this.fd = fd;
        this.closer = closer;
    }

    /**
     * Takes a reference for the length of one call.
     *
     * @return the descriptor number, or {@code -1} when the descriptor is closed (the caller then
     *     throws the exception that suits it, and does not call {@link #release()})
     */
    public final long acquire() {
        int s = (int) STATE.getVolatile(this);
        while ((s & CLOSED) == 0) {
            int witness = (int) STATE.compareAndExchange(this, s, s + 1);
            if (witness == s) {
                return fd;
            }
            s = witness;
        }
        return -1;
    }

    /** Drops the reference taken by a successful {@link #acquire()}. */
    public final void release() {
        if ((int) STATE.getAndAdd(this, -1) == (CLOSED | 1)) {
            closer.close(fd);
        }
    }

    /**
     * Closes the descriptor: at once when no call is using it, otherwise as soon as the last one
     * ends. Idempotent and safe to call from any thread.
     *
     * @return {@code true} for the call that closed it, {@code false} when it was already closed
     */
    public boolean close() {
        int previous = (int) STATE.getAndBitwiseOr(this, CLOSED);
        if ((previous & CLOSED) != 0) {
            return false;
        }
        release();
        return true;
    }

    /**
     * Gives the descriptor number up without closing it: this object then acts closed, and the
     * caller owns the number. Waits out calls in flight on other threads for a moment, as they
     * are non-blocking.
     *
     * @return the number, or {@code -1} when the descriptor was already closed
     * @throws IllegalStateException when other threads keep using it
     */
    public final long detach() {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            // Closed with no reference left: no release can ever reach the closer.
            int witness = (int) STATE.compareAndExchange(this, 1, CLOSED);
            if (witness == 1) {
                return fd;
            }
            if ((witness & CLOSED) != 0) {
                return -1;
            }
            Thread.yield();
        }
        throw new IllegalStateException("descriptor " + fd + " is in use by other threads; it cannot be taken out now");
    }

    /**
     * Tells whether {@link #close()} has been called.
     *
     * @return {@code true} once closed
     */
    public final boolean isClosed() {
        return ((int) STATE.getVolatile(this) & CLOSED) != 0;
    }

    /**
     * The descriptor number, for diagnostics and tests only: using it for a call bypasses the
     * protection this class gives.
     *
     * @return the number this descriptor had when it was opened
     */
    public final long number() {
        return fd;
    }

    @Override
    public String toString() {
        return isClosed() ? "fd=" + fd + " (closed)" : "fd=" + fd;
    }
}
