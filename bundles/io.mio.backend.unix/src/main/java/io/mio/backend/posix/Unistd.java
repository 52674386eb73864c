package io.mio.backend.posix;

import static io.mio.backend.posix.Libc.C_INT;
import static io.mio.backend.posix.Libc.C_POINTER;
import static io.mio.backend.posix.Libc.C_SIZE_T;

import io.mio.spi.Descriptor;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code close}, {@code read}, {@code write}, {@code pipe2} and {@code fcntl} from {@code <unistd.h>}, for
 * descriptors that are not sockets (pipes, the eventfd) and for closing every descriptor. Each
 * function is linked on first use, as in {@link Net}.
 *
 * {@snippet lang=c :
 * int close(long fd);
 * ssize_t read(long fd, void *buf, size_t count);
 * ssize_t write(long fd, const void *buf, size_t count);
 * int pipe2(int pipefd[2], int flags);
 * int fcntl(long fd, int cmd, ...);  // here always one int argument
 * }
 */
public final class Unistd {
    /** Closes descriptors for {@link Descriptor}; Linux frees the number even when close fails. */
    public static final Descriptor.Closer CLOSER = Unistd::close;

    // close on a socket with a linger time blocks: not critical.
    private static final class Close {
        static final MethodHandle HANDLE = Libc.downcall("close", FunctionDescriptor.of(C_INT, C_INT), false);
    }
    // Not critical: read and write have no per-call non-blocking flag, and a pipe end that another
    // holder of the descriptor made blocking would block with safepoints held off, freezing the
    // JVM. As ordinary calls they take native memory only; heap memory is staged by the caller.
    private static final class Read {
        static final MethodHandle HANDLE = Libc.downcall("read",
                FunctionDescriptor.of(Libc.C_LONG, C_INT, C_POINTER, C_SIZE_T), false);
    }
    private static final class Write {
        static final MethodHandle HANDLE = Libc.downcall("write",
                FunctionDescriptor.of(Libc.C_LONG, C_INT, C_POINTER, C_SIZE_T), false);
    }
    private static final class ReadAddress {
        static final MethodHandle HANDLE = Libc.downcall("read",
                FunctionDescriptor.of(Libc.C_LONG, C_INT, Libc.C_LONG, C_SIZE_T), false);
    }
    private static final class WriteAddress {
        static final MethodHandle HANDLE = Libc.downcall("write",
                FunctionDescriptor.of(Libc.C_LONG, C_INT, Libc.C_LONG, C_SIZE_T), false);
    }
    private static final class Pipe {
        static final MethodHandle HANDLE = Libc.downcall("pipe",
                FunctionDescriptor.of(C_INT, C_POINTER), false);
    }
    private static final class Pipe2 {
        static final MethodHandle HANDLE = Libc.downcall("pipe2",
                FunctionDescriptor.of(C_INT, C_POINTER, C_INT), true);
    }

    // fcntl(fd, cmd, int): the third argument is variadic in C.
    private static final class Fcntl {
        static final MethodHandle HANDLE = Libc.downcallVariadic("fcntl",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT), 2);
    }

    static final int F_GETFD = Abi.constant(UnixConstant.F_GETFD);
    /** {@code F_SETFD} on this OS. */
    public static final int F_SETFD = Abi.constant(UnixConstant.F_SETFD);
    static final int F_GETFL = Abi.constant(UnixConstant.F_GETFL);
    static final int F_SETFL = Abi.constant(UnixConstant.F_SETFL);
    /** {@code FD_CLOEXEC} on this OS. */
    public static final int FD_CLOEXEC = Abi.constant(UnixConstant.FD_CLOEXEC);
    static final int O_ACCMODE = Abi.constant(UnixConstant.O_ACCMODE);
    static final int O_NONBLOCK = Abi.constant(UnixConstant.O_NONBLOCK);
    static final int O_CLOEXEC = Abi.constant(UnixConstant.O_CLOEXEC);

    private Unistd() {}

    /**
     * {@code close}, never retried: the number is free afterwards even when it fails.
     *
     * @param fd the descriptor
     */
    public static void close(long fd) {
        Scratch scratch = Scratch.get();
        try {
            int ignored = (int) Close.HANDLE.invokeExact(scratch.errno, (int) fd);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code read} on a descriptor that is not a socket.
     *
     * @param fd the descriptor
     * @param buf the memory to read into
     * @return the bytes transferred, or {@code -errno}
     */
    public static long read(long fd, MemorySegment buf) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((long) Read.HANDLE.invokeExact(scratch.errno, (int) fd, buf, buf.byteSize()), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code read} on a descriptor that is not a socket.
     *
     * @param fd the descriptor
     * @param address native memory that owns its bytes, by address
     * @param length how many bytes
     * @return the bytes transferred, or {@code -errno}
     */
    public static long read(long fd, long address, long length) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((long) ReadAddress.HANDLE.invokeExact(scratch.errno, (int) fd, address, length), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code write} on a descriptor that is not a socket.
     *
     * @param fd the descriptor
     * @param address native memory that owns its bytes, by address
     * @param length how many bytes
     * @return the bytes transferred, or {@code -errno}
     */
    public static long write(long fd, long address, long length) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((long) WriteAddress.HANDLE.invokeExact(scratch.errno, (int) fd, address, length), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int pipe(MemorySegment fds) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((int) Pipe.HANDLE.invokeExact(scratch.errno, fds), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int pipe2(MemorySegment fds, int flags) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((int) Pipe2.HANDLE.invokeExact(scratch.errno, fds, flags), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code write} on a descriptor that is not a socket.
     *
     * @param fd the descriptor
     * @param buf the bytes to write
     * @return the bytes transferred, or {@code -errno}
     */
    public static long write(long fd, MemorySegment buf) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((long) Write.HANDLE.invokeExact(scratch.errno, (int) fd, buf, buf.byteSize()), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code fcntl} with one {@code int} argument.
     *
     * @param fd the descriptor
     * @param command such as {@link #F_SETFD}
     * @param argument its argument
     * @return what the command returns, or {@code -errno}
     */
    public static int fcntl(long fd, int command, int argument) {
        Scratch scratch = Scratch.get();
        try {
            return Libc.result((int) Fcntl.HANDLE.invokeExact(scratch.errno, (int) fd, command, argument), scratch.errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
