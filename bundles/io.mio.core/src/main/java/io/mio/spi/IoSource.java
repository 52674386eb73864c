package io.mio.spi;

import io.mio.AlreadyRegisteredException;
import io.mio.Interest;
import io.mio.NotRegisteredException;
import io.mio.Registry;
import io.mio.Token;
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
    private boolean registered;
    private DrainWatch watch; // null unless the Poll detects undrained readiness

    /**
     * Takes ownership of an open descriptor.
     *
     * @param fd the descriptor number
     * @param closer how to close it
     */
    public IoSource(int fd, Closer closer) {
        super(fd, closer);
    }

    /**
     * Takes a reference for one call, or fails as a closed channel does.
     *
     * @return the descriptor number
     * @throws ClosedChannelException once closed
     */
    public int acquireOpen() throws ClosedChannelException {
        int fd = acquire();
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
        T apply(int fd) throws IOException;
    }

    /**
     * Runs {@code call} with the descriptor held open, for the calls off the I/O path (options,
     * addresses, shutdown). The read and write paths bracket their calls themselves, so as to
     * create no lambda per call.
     *
     * @param <T> the result type
     * @param call the call
     * @return its result
     * @throws IOException what the call throws; {@link ClosedChannelException} once closed
     */
    public <T> T call(Call<T> call) throws IOException {
        int fd = acquireOpen();
        try {
            return call.apply(fd);
        } finally {
            release();
        }
    }

    /** For the I/O paths: a read-side call would block, or reached end of stream. */
    public void readDrained() {
        DrainWatch w = watch;
        if (w != null) {
            w.readDrained();
        }
    }

    /** For the I/O paths: a write-side call would block. */
    public void writeDrained() {
        DrainWatch w = watch;
        if (w != null) {
            w.writeDrained();
        }
    }

    /** For the I/O paths: a write-side call took fewer bytes than it was given. */
    public void wroteShort() {
        DrainWatch w = watch;
        if (w != null) {
            w.wroteShort();
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
        int fd = acquireOpen(); // a closed source says so before anything else
        try {
            if (owner != null && owner != selector) {
                throw new AlreadyRegisteredException("this source is bound to another Poll, with which it was registered first");
            }
            if (registered) {
                throw new AlreadyRegisteredException("this source is already registered; use reregister to change its token or interests");
            }
            selector.register(fd, token.value(), interests);
        } finally {
            release();
        }
        owner = selector;
        registered = true;
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
        int fd = acquireOpen(); // a closed source says so before anything else
        try {
            registeredWith(registry, "reregister").reregister(fd, token.value(), interests);
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
        int fd = acquireOpen();
        try {
            registeredWith(registry, "deregister").deregister(fd);
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
        int fd = acquire(); // holds the number until the selector has let go of it
        if (fd < 0) {
            return false;
        }
        try {
            boolean closed = super.close();
            if (closed) {
                synchronized (this) {
                    if (registered) {
                        dropFromSelector(fd);
                        endRegistration();
                    }
                }
            }
            return closed;
        } finally {
            release();
        }
    }

    private void dropFromSelector(int fd) {
        try {
            owner.deregister(fd);
        } catch (IOException | ClosedSelectorException e) {
            // Closing loses nothing the caller could act on: the Poll is gone, or the OS already
            // dropped the registration.
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
    public synchronized int detachOpen() throws ClosedChannelException {
        if (registered) {
            throw new IllegalStateException("deregister this source before taking its descriptor out");
        }
        int fd = detach();
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

    private void endRegistration() {
        registered = false;
        CoreAccess.bridge().deregistered(currentRegistry, watch);
        currentRegistry = null;
        watch = null;
    }

    private Selector registeredWith(Registry registry, String call) {
        Selector selector = CoreAccess.selector(registry);
        if (!registered || owner != selector) {
            throw new NotRegisteredException("cannot " + call + " a source that is not registered with this Poll");
        }
        return selector;
    }
}
