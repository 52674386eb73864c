package io.mio.backend.linux;

import static io.mio.backend.posix.Libc.C_INT;
import static io.mio.backend.posix.Libc.C_POINTER;

import io.mio.backend.posix.Libc;
import io.mio.backend.posix.Scratch;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The epoll system calls and {@code struct epoll_event}.
 *
 * {@snippet lang=c :
 * int epoll_create1(int flags);
 * int epoll_ctl(long epfd, int op, long fd, struct epoll_event *event);
 * int epoll_wait(long epfd, struct epoll_event *events, int maxevents, int timeout);
 *
 * struct epoll_event { uint32_t events; epoll_data_t data; }  // packed on x86_64 only
 * }
 */
final class Epoll {
    static final int EPOLL_CLOEXEC = 0x80000;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    static final int EPOLL_CTL_MOD = 3;

    static final int EPOLLIN = 0x1;
    static final int EPOLLPRI = 0x2;
    static final int EPOLLOUT = 0x4;
    static final int EPOLLERR = 0x8;
    static final int EPOLLHUP = 0x10;
    static final int EPOLLRDHUP = 0x2000;
    static final int EPOLLET = 0x8000_0000;

    /**
     * {@code struct epoll_event}. The kernel declares it packed on x86_64 (12 bytes, the data at
     * offset 4) and naturally aligned elsewhere (16 bytes, the data at offset 8).
     */
    static final StructLayout EVENT_LAYOUT = eventLayout(System.getProperty("os.arch"));
    static final long EVENT_SIZE = EVENT_LAYOUT.byteSize();
    static final long DATA_OFFSET = EVENT_LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("data"));

    // Creating a queue is rare and may allocate in the kernel for a while: not critical.
    private static final MethodHandle EPOLL_CREATE1 = Libc.downcall("epoll_create1",
            FunctionDescriptor.of(C_INT, C_INT), false);
    // Never blocks; critical saves the thread-state transition on every registration.
    private static final MethodHandle EPOLL_CTL = Libc.downcall("epoll_ctl",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER), true);
    // Blocks: must never be critical. Linked twice: without errno capture for every poll, because
    // the JDK slices the capture segment on each non-critical call, an allocation the JIT does not
    // remove; and with it, for the rare call that failed, to learn why (see wait).
    private static final MethodHandle EPOLL_WAIT = Libc.downcallNoErrno("epoll_wait",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT));
    private static final MethodHandle EPOLL_WAIT_ERRNO = Libc.downcall("epoll_wait",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT), false);

    private Epoll() {}

    static StructLayout eventLayout(String arch) {
        boolean packed = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86") || arch.equals("i386");
        return packed
                ? MemoryLayout.structLayout(
                        ValueLayout.JAVA_INT.withName("events"),
                        ValueLayout.JAVA_LONG_UNALIGNED.withName("data"))
                : MemoryLayout.structLayout(
                        ValueLayout.JAVA_INT.withName("events"),
                        MemoryLayout.paddingLayout(4),
                        ValueLayout.JAVA_LONG.withName("data"));
    }

    /**
     * {@code epoll_create1}.
     *
     * @param flags {@link #EPOLL_CLOEXEC}
     * @return the new descriptor, or {@code -errno}
     */
    static int create1(int flags) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((int) EPOLL_CREATE1.invokeExact(scratch.errno, flags), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code epoll_ctl}, with the event built in this thread's scratch memory.
     *
     * @param epfd the queue
     * @param op {@link #EPOLL_CTL_ADD}, {@link #EPOLL_CTL_MOD} or {@link #EPOLL_CTL_DEL}
     * @param fd the descriptor
     * @param events the event mask
     * @param data the token
     * @return 0, or {@code -errno}
     */
    static int ctl(long epfd, int op, long fd, int events, long data) {
        Scratch scratch = Scratch.get();
        MemorySegment event = scratch.value;
        event.set(ValueLayout.JAVA_INT, 0, events);
        event.set(ValueLayout.JAVA_LONG_UNALIGNED, DATA_OFFSET, data);
        try {
            return Libc.result((int) EPOLL_CTL.invokeExact(scratch.errno, (int) epfd, op, (int) fd, event), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code epoll_wait}.
     *
     * <p>When the wait fails, the same call is made again at once with a zero timeout, and its
     * errno is captured. An error that comes of the arguments ({@code EBADF}, {@code EINVAL},
     * {@code EFAULT}) repeats, and is reported; a signal ({@code EINTR}) does not, and then the
     * second call's events are as good as any.
     *
     * @param capture the caller's errno capture segment (the polling thread's own)
     * @param epfd the queue
     * @param events the event array
     * @param maxEvents its capacity
     * @param timeoutMillis -1 for ever, else milliseconds
     * @return the number of events, or {@code -errno}
     */
    static int wait(MemorySegment capture, long epfd, MemorySegment events, int maxEvents, int timeoutMillis) {
        try {
            int n = (int) EPOLL_WAIT.invokeExact((int) epfd, events, maxEvents, timeoutMillis);
            if (n >= 0) {
                return n;
            }
            return Libc.result((int) EPOLL_WAIT_ERRNO.invokeExact(capture, (int) epfd, events, maxEvents, 0), capture);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
