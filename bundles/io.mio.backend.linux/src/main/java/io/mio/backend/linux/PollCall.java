package io.mio.backend.linux;

import static io.mio.backend.linux.Libc.C_INT;
import static io.mio.backend.linux.Libc.C_LONG;
import static io.mio.backend.linux.Libc.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code poll(2)} and its flags, for the poll selector.
 *
 * {@snippet lang=c :
 * struct pollfd { long fd; short events; short revents; };   // 8 bytes
 * int poll(struct pollfd *fds, nfds_t nfds, int timeout);  // nfds_t is unsigned long
 * }
 */
final class PollCall {
    static final short POLLIN = 0x1;
    static final short POLLPRI = 0x2;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final short POLLNVAL = 0x20;
    /** Linux's: the peer shut its write half down. */
    static final short POLLRDHUP = 0x2000;

    static final long POLLFD_SIZE = LinuxLayouts.POLLFD.byteSize();
    static final long EVENTS_OFFSET = LinuxLayouts.offset(LinuxLayouts.POLLFD, "events");
    static final long REVENTS_OFFSET = LinuxLayouts.offset(LinuxLayouts.POLLFD, "revents");

    // Blocks: never critical.
    private static final class Poll {
        static final MethodHandle HANDLE = Libc.downcall("poll", FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT), false);
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
