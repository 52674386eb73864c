package io.mio.backend.posix;

import static io.mio.backend.posix.Libc.C_INT;
import static io.mio.backend.posix.Libc.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@code poll(2)} and its flags, for the poll selector.
 *
 * {@snippet lang=c :
 * struct pollfd { int fd; short events; short revents; };   // 8 bytes
 * int poll(struct pollfd *fds, nfds_t nfds, int timeout);  // nfds_t: unsigned long on Linux, unsigned int on the BSDs
 * }
 */
final class PollCall {
    static final short POLLIN = (short) Abi.constant(UnixConstant.POLLIN);
    static final short POLLPRI = (short) Abi.constant(UnixConstant.POLLPRI);
    static final short POLLOUT = (short) Abi.constant(UnixConstant.POLLOUT);
    static final short POLLERR = (short) Abi.constant(UnixConstant.POLLERR);
    static final short POLLHUP = (short) Abi.constant(UnixConstant.POLLHUP);
    static final short POLLNVAL = (short) Abi.constant(UnixConstant.POLLNVAL);
    /** Linux's: the peer shut its write half down. */
    static final short POLLRDHUP = (short) Abi.current().constants().getOr(UnixConstant.POLLRDHUP, 0);

    static final long POLLFD_SIZE = Abi.layouts().pollfd().byteSize();
    static final long EVENTS_OFFSET = Abi.offset(Abi.layouts().pollfd(), "events");
    static final long REVENTS_OFFSET = Abi.offset(Abi.layouts().pollfd(), "revents");

    // Blocks: never critical.
    private static final class Poll {
        // Called with a long count whatever nfds_t's width, so that one call site serves every Unix.
        static final MethodHandle HANDLE = MethodHandles.explicitCastArguments(
                Libc.downcall("poll", FunctionDescriptor.of(C_INT, C_POINTER, Abi.layouts().nfds(), C_INT), false),
                MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, long.class, int.class));
    }

    private PollCall() {}

    /**
     * {@code poll}.
     *
     * @param capture the polling thread's errno capture segment
     * @param fds the {@code pollfd} array
     * @param count how many entries to poll
     * @param timeoutMillis -1 for ever, else milliseconds
     * @return the number of entries with events, or {@code -errno}
     */
    static int poll(MemorySegment capture, MemorySegment fds, int count, int timeoutMillis) {
        try {
            return Libc.result((int) Poll.HANDLE.invokeExact(capture, fds, (long) count, timeoutMillis), capture);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
