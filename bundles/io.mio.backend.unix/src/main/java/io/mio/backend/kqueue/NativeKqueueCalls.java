package io.mio.backend.kqueue;

import io.mio.backend.posix.KeventAbi;
import io.mio.backend.posix.Libc;
import io.mio.backend.posix.Scratch;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * kqueue's calls through FFM, linked on first use by the symbol this OS's table names
 * ({@code __kevent50} on NetBSD), with {@code size_t} counts where NetBSD has them. Neither is
 * critical: {@code kevent} blocks in a poll, and a registration is rare enough.
 *
 * {@snippet lang=c :
 * int kqueue(void);
 * int kevent(int kq, const struct kevent *changelist, int nchanges,   // size_t on NetBSD
 *            struct kevent *eventlist, int nevents, const struct timespec *timeout);
 * struct timespec { time_t tv_sec; long tv_nsec; };                   // 16 bytes on LP64
 * }
 */
final class NativeKqueueCalls implements KqueueCalls {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final KeventAbi abi;
    private final MethodHandle kqueue;
    private final MethodHandle kevent;
    // A poll is linked without errno capture too, as epoll_wait is: the capture costs an
    // allocation per non-critical call. A failed poll is made again at once with a zero timeout
    // and the capture, to learn why (EINTR does not repeat; an error of the arguments does).
    private final MethodHandle keventNoErrno;
    /** The timeout of {@code select}, written only by the one polling thread. */
    private final ThreadLocal<MemorySegment> timespec = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(16, 8));

    /**
     * Links the calls.
     *
     * @param abi the OS's {@code struct kevent} and numbers
     * @param library where {@code kqueue} and {@code kevent} are, or null for libc (under the
     *     table's symbol: {@code __kevent50} on NetBSD)
     */
    NativeKqueueCalls(KeventAbi abi, SymbolLookup library) {
        this.abi = abi;
        this.kqueue = Libc.downcall(find(library, "kqueue"), FunctionDescriptor.of(Libc.C_INT), false);
        var count = abi.sizeTCounts() ? ValueLayout.JAVA_LONG : ValueLayout.JAVA_INT;
        FunctionDescriptor signature = FunctionDescriptor.of(Libc.C_INT, Libc.C_INT, Libc.C_POINTER, count,
                Libc.C_POINTER, count, Libc.C_POINTER);
        MemorySegment keventSymbol = find(library, "kevent");
        this.kevent = Libc.downcall(keventSymbol, signature, false);
        this.keventNoErrno = Libc.downcallNoErrno(keventSymbol, signature);
    }

    private static MemorySegment find(SymbolLookup library, String name) {
        return library == null ? Libc.symbol(name)
                : library.find(name).orElseThrow(() -> new UnsatisfiedLinkError("the kqueue library has no symbol " + name));
    }

    @Override
    public int kqueue() {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((int) kqueue.invokeExact(scratch.errno), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    @Override
    public int kevent(long kq, MemorySegment changes, int nchanges, MemorySegment events, int nevents, long timeoutNanos) {
        MemorySegment timeout = timeout(timeoutNanos);
        try {
            if (nchanges == 0) {
                int n = abi.sizeTCounts()
                        ? (int) keventNoErrno.invokeExact((int) kq, changes, 0L, events, (long) nevents, timeout)
                        : (int) keventNoErrno.invokeExact((int) kq, changes, 0, events, nevents, timeout);
                if (n >= 0) {
                    return n;
                }
                timeout = timeout(0);
            }
            Scratch scratch = Scratch.get();
            int n = abi.sizeTCounts()
                    ? (int) kevent.invokeExact(scratch.errno, (int) kq, changes, (long) nchanges, events, (long) nevents, timeout)
                    : (int) kevent.invokeExact(scratch.errno, (int) kq, changes, nchanges, events, nevents, timeout);
            return Libc.result(n, scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** A {@code struct timespec} in the calling thread's own memory, or {@code NULL} for ever. */
    private MemorySegment timeout(long nanos) {
        if (nanos < 0) {
            return MemorySegment.NULL;
        }
        MemorySegment timeout = timespec.get();
        timeout.set(ValueLayout.JAVA_LONG, 0, nanos / NANOS_PER_SECOND);
        timeout.set(ValueLayout.JAVA_LONG, 8, nanos % NANOS_PER_SECOND);
        return timeout;
    }
}
