package io.mio.unix;

import io.mio.Interest;
import io.mio.Registry;
import io.mio.Token;
import io.mio.event.Source;
import io.mio.internal.shared.IoSource;
import java.io.IOException;

/**
 * Registers a descriptor the program owns — a timerfd, a signalfd, an inotify descriptor, another
 * epoll — with a {@link io.mio.Poll}, as mio's {@code unix::SourceFd}. Mio never reads, writes or
 * closes it: the program does its own I/O on it, and closes it after deregistering.
 *
 * <p>A timer, with a timerfd made through the Foreign Function and Memory API:
 *
 * {@snippet :
 * Linker linker = Linker.nativeLinker();
 * MethodHandle timerfdCreate = linker.downcallHandle(linker.defaultLookup().find("timerfd_create").orElseThrow(),
 *         FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
 * int CLOCK_MONOTONIC = 1, TFD_NONBLOCK = 0x800, TFD_CLOEXEC = 0x80000;
 * int fd = (int) timerfdCreate.invokeExact(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
 * // ... arm it with timerfd_settime ...
 * SourceFd timer = new SourceFd(fd);
 * poll.registry().register(timer, TIMER, Interest.READABLE);
 * // A readable event for TIMER means it expired: read its 8-byte counter to re-arm the edge.
 * }
 *
 * <p>The rules of the registration are the usual ones: edge-triggered, registered at most once,
 * bound to the first Poll. Mio cannot guard a descriptor it does not own: closing it while it is
 * registered ends its events (epoll drops a closed descriptor), and a number the OS then reuses
 * is a new descriptor to the OS, still unknown to this registration. Deregister first.
 */
public final class SourceFd implements Source {
    private final IoSource io;

    /**
     * Wraps a descriptor, which stays the caller's to use and to close.
     *
     * @param fd an open descriptor
     * @throws IllegalArgumentException when {@code fd} is negative
     */
    public SourceFd(int fd) {
        // Never closed by Mio: the Descriptor guard serves only the registration's bookkeeping.
        this.io = new IoSource(fd, ignored -> { });
    }

    /**
     * The descriptor this source stands for.
     *
     * @return the number given at construction
     */
    public int fd() {
        return Math.toIntExact(io.number());
    }

    @Override
    public void register(Registry registry, Token token, Interest interests) throws IOException {
        io.register(registry, token, interests);
    }

    @Override
    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        io.reregister(registry, token, interests);
    }

    @Override
    public void deregister(Registry registry) throws IOException {
        io.deregister(registry);
    }

    @Override
    public String toString() {
        return "SourceFd[" + fd() + "]";
    }
}
