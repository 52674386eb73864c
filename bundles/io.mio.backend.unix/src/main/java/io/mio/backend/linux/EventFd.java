package io.mio.backend.linux;

import static io.mio.backend.posix.Libc.C_INT;

import io.mio.backend.posix.Libc;
import io.mio.backend.posix.Scratch;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * {@code eventfd(2)}: a kernel counter that is readable while it is not zero.
 *
 * {@snippet lang=c :
 * int eventfd(unsigned int initval, int flags);
 * }
 */
final class EventFd {
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    private static final MethodHandle EVENTFD = Libc.downcall("eventfd", FunctionDescriptor.of(C_INT, C_INT, C_INT), false);

    private EventFd() {}

    /**
     * {@code eventfd}.
     *
     * @param initval the counter's first value
     * @param flags {@link #EFD_NONBLOCK} and {@link #EFD_CLOEXEC}
     * @return the descriptor, or {@code -errno}
     */
    static int create(int initval, int flags) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((int) EVENTFD.invokeExact(scratch.errno, initval, flags), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
