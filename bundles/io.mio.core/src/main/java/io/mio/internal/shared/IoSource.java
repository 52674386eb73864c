package io.mio.internal.shared;

import io.mio.AlreadyRegisteredException;
import io.mio.Interest;
import io.mio.NotRegisteredException;
import io.mio.Registry;
import io.mio.Token;
import io.mio.WouldBlockException;
import io.mio.spi.Descriptor;
import io.mio.spi.IoStatus;
import io.mio.spi.Registration;
import io.mio.spi.Selector;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.util.Objects;

/**
 * A descriptor that can be registered with a {@link io.mio.Poll}: what every Mio socket holds,
 * as mio's {@code IoSource} is what every mio socket wraps.
 *
 * <p>It enforces always what mio checks only in debug builds: a source is registered at most
 * once at a time, only reregistered or deregistered while registered, and bound for life to the
 * first Poll it was registered with. Registration calls on one source are serialised; they are
 * rare next to I/O, so a monitor costs nothing that matters.
 */
public final class IoSource extends Descriptor {
    private Selector owner;
    private Registry currentRegistry; // while registered
    private DrainWatch watch; // null unless the Poll detects undrained readiness
    // Read by the I/O paths of any thread, so that a would-block reaches the registration that
    // is current; written under the monitor. NOT_REGISTERED while the source is not registered.
    private volatile Registration registration = NOT_REGISTERED;

    /**
     * Takes ownership of an open descriptor.
     *
     * @param fd the descriptor number
     * @param closer how to close it
     */
    public IoSource(long fd, Closer closer) {
        super(fd, closer);
    }

    /**
     * Takes a reference for one call, or fails as a closed channel does.
     *
     * @return the descriptor number
     * @throws ClosedChannelException once closed
     */
    public long acquireOpen() throws ClosedChannelException {
        long fd = acquire();
        if (fd < 0) {
            throw new ClosedChannelException();
        }
        return fd;
    }

    /**
     * A call that uses the descriptor number; see {@link #call}.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Call<T> {
        /**
         * Makes the call.
         *
         * @param fd the descriptor number, open for the length of the call
         * @return the result
         * @throws IOException when the call fails
         */
        T apply(long fd) throws IOException;
    }

    /**
     * Runs {@code call} with the descriptor held open, for the calls off the I/O path (options,
     * addresses, shutdown). The read and write paths bracket their calls themselves, so as to
     * create no lambda per call, and report their outcome through {@link #afterRead} and
     * {@link #afterWrite}.
     *
     * @param <T> the result type
     * @param call the call
     * @return its result
     * @throws IOException what the call throws; {@link ClosedChannelException} once closed
     */
    public <T> T call(Call<T> call) throws IOException {
        long fd = acquireOpen();
        try {
            return call.apply(fd);
        } finally {
            release();
        }
    }

    /**
     * A user's own call on the descriptor ({@code tryIo}), with the descriptor held open; a
     * {@link WouldBlockException} it throws is mio's would-block, and re-arms both sides before
     * it reaches the caller.
     *
     * @param <T> the result type
     * @param call the call
     * @return its result
     * @throws IOException what the call throws; {@link ClosedChannelException} once closed
     */
    public <T> T tryIo(Call<T> call) throws IOException {
        try {
            return call(call);
        } catch (WouldBlockException e) {
            drained(true, true);
            drained(false, true);
            throw e;
        }
    }

    // mio's do_io. Every outcome of a call on this source that ends a side's readiness passes
    // here, whichever socket type and call made it: the undrained-readiness detector is told,
    // and on would-block the registration re-arms that side (a no-op where the OS keeps edge
    // triggering itself).

    /**
     * Reports a read-side call's result (read, receive, accept, batch) and returns it unchanged.
     *
     * @param n the backend's result: bytes or a descriptor, {@link IoStatus#EOF} or
     *     {@link IoStatus#WOULD_BLOCK}
     * @return {@code n}
     */
    public long afterRead(long n) {
        if (n < 0) {
            drained(true, n == IoStatus.WOULD_BLOCK); // would-block, or end of stream
        }
        return n;
    }

    /**
     * Reports a stream read's result and returns it unchanged. A read that took less than it
     * asked for emptied the OS's queue, as would-block does: that side must report its next
     * readiness (where the OS only reported the queue's first bytes, a later arrival would
     * otherwise go unreported until a read would block).
     *
     * @param n the backend's result: bytes, {@link IoStatus#EOF} or {@link IoStatus#WOULD_BLOCK}
     * @param requested how many bytes the read asked for
     * @return {@code n}
     */
    public long afterStreamRead(long n, long requested) {
        if (n < requested) {
            drained(true, n != IoStatus.EOF);
        }
        return n;
    }

    /**
     * Reports a read-side call that failed: on a stream, a reset or broken pipe ends its
     * readiness as would-block does, so the detector stands down.
     *
     * @param e the failure
     * @return {@code e}, to throw
     */
    public IOException afterReadFailure(IOException e) {
        drained(true, false);
        return e;
    }

    /**
     * Reports a write-side call's result and returns it unchanged. A short write filled the OS's
     * buffer, as would-block does: the side re-arms, so that the program waiting to write the
     * rest gets its next writable event on every OS.
     *
     * @param n the backend's result: bytes, or {@link IoStatus#WOULD_BLOCK}
     * @param offered how many bytes the call was given
     * @return {@code n}
     */
    public long afterWrite(long n, long offered) {
        if (n < offered) { // would-block (a negative status) or short: the buffer is full either way
            DrainWatch w = watch;
            if (w != null) {
                if (n == IoStatus.WOULD_BLOCK) {
                    w.writeDrained();
                } else {
                    w.wroteShort();
                }
            }
            registration.wouldBlock(false);
        }
        return n;
    }

    private void drained(boolean reading, boolean wouldBlock) {
        DrainWatch w = watch;
        if (w != null) {
            if (reading) {
                w.readDrained();
            } else {
                w.writeDrained();
            }
        }
        if (wouldBlock) {
            registration.wouldBlock(reading);
        }
    }

    /**
     * Implements {@link io.mio.event.Source#register}.
     *
     * @param registry the registry
     * @param token the token
     * @param interests the interests
     * @throws IOException when the OS refuses; {@link ClosedChannelException} once closed
     */
    public synchronized void register(Registry registry, Token token, Interest interests) throws IOException {
        requireArguments(registry, token, interests);
        Selector selector = CoreAccess.selector(registry);
        long fd = acquireOpen(); // a closed source says so before anything else
        try {
            if (owner != null && owner != selector) {
                throw new AlreadyRegisteredException("this source is bound to another Poll, with which it was registered first");
            }
            if (isRegistered()) {
                throw new AlreadyRegisteredException("this source is already registered; use reregister to change its token or interests");
            }
            registration = selector.register(fd, token.value(), interests);
        } finally {
            release();
        }
        owner = selector;
        currentRegistry = registry;
        watch = CoreAccess.bridge().registered(registry, token, true, null);
    }

    /**
     * Implements {@link io.mio.event.Source#reregister}.
     *
     * @param registry the registry
     * @param token the new token
     * @param interests the new interests
     * @throws IOException when the OS refuses; {@link ClosedChannelException} once closed
     */
    public synchronized void reregister(Registry registry, Token token, Interest interests) throws IOException {
        requireArguments(registry, token, interests);
        long fd = acquireOpen(); // a closed source says so before anything else
        try {
            registeredWith(registry, "reregister");
            registration.reregister(fd, token.value(), interests);
        } finally {
            release();
        }
        watch = CoreAccess.bridge().registered(registry, token, false, watch);
    }

    /**
     * Implements {@link io.mio.event.Source#deregister}.
     *
     * @param registry the registry
     * @throws IOException when the OS refuses; {@link ClosedChannelException} once closed
     */
    public synchronized void deregister(Registry registry) throws IOException {
        Objects.requireNonNull(registry, "registry");
        long fd = acquireOpen();
        try {
            registeredWith(registry, "deregister");
            registration.deregister(fd);
        } catch (ClosedSelectorException e) {
            // The Poll was closed, and its queue with every registration in it: the source is no
            // longer registered anywhere, which is what was asked.
        } finally {
            release();
        }
        endRegistration();
    }

    /**
     * Closes the descriptor, which also ends its registration. The selector is told before the
     * number can be released: the OS queue may hold the registration for as long as any copy of
     * the descriptor lives (epoll does, after a {@code dup} or a descriptor passed to another
     * process), and a number reused by a new socket must never be reported under this source's
     * token. The registry's bookkeeping is told too, so that closing without deregistering, as
     * mio allows, costs nothing over time.
     */
    @Override
    public boolean close() {
        long fd = acquire(); // holds the number until the selector has let go of it
        if (fd < 0) {
            return false;
        }
        try {
            boolean closed = super.close();
            if (closed) {
                synchronized (this) {
                    if (isRegistered()) {
                        registration.closing(fd);
                        endRegistration();
                    }
                }
            }
            return closed;
        } finally {
            release();
        }
    }


    /**
     * Gives up the descriptor without closing it, for moving it out of Mio.
     *
     * @return the descriptor number, now the caller's to close
     * @throws ClosedChannelException once closed
     * @throws IllegalStateException while registered (epoll would keep reporting it to a Poll
     *     that no longer knows it), or when other threads keep using it
     */
    public synchronized long detachOpen() throws ClosedChannelException {
        if (isRegistered()) {
            throw new IllegalStateException("deregister this source before taking its descriptor out");
        }
        long fd = detach();
        if (fd < 0) {
            throw new ClosedChannelException();
        }
        return fd;
    }

    /** Bad arguments are refused before any state is looked at, whatever that state is. */
    private static void requireArguments(Registry registry, Token token, Interest interests) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
    }

    private boolean isRegistered() {
        return registration != NOT_REGISTERED;
    }

    private void endRegistration() {
        registration = NOT_REGISTERED;
        CoreAccess.bridge().deregistered(currentRegistry, watch);
        currentRegistry = null;
        watch = null;
    }

    private void registeredWith(Registry registry, String call) {
        Selector selector = CoreAccess.selector(registry);
        if (!isRegistered() || owner != selector) {
            throw new NotRegisteredException("cannot " + call + " a source that is not registered with this Poll");
        }
    }

    /** What an unregistered source reports would-block to: nothing. */
    private static final Registration NOT_REGISTERED = new Registration() {
        @Override
        public void reregister(long fd, long token, Interest interests) {
            throw new IllegalStateException("not registered");
        }

        @Override
        public void deregister(long fd) {
            throw new IllegalStateException("not registered");
        }

        @Override
        public void closing(long fd) {}

        @Override
        public void wouldBlock(boolean reading) {}
    };
}
