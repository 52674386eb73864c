package io.mio.backend.posix;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * How this backend links C functions, and how it reads {@code errno}.
 *
 * <p>Every function that sets {@code errno} is linked with {@code captureCallState("errno")}:
 * reading it after the call returns would see whatever the JVM did in between. The wrappers in
 * the per-facility classes ({@link Net}, {@link Unistd}, the epoll calls of the Linux package, ...) return {@code result} when it is not
 * negative and {@code -errno} when it is, so that the error path costs nothing until it is taken.
 */
public final class Libc {
    /** C {@code int}. */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfLong C_SIZE_T = ValueLayout.JAVA_LONG;
    /** A C pointer. */
    public static final MemoryLayout C_POINTER = ValueLayout.ADDRESS;

    /** The segment {@code captureCallState} writes {@code errno} into. */
    public static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private Libc() {}

    /**
     * Links a function that sets {@code errno}: the handle takes the capture segment first.
     *
     * @param name the C function, by its name in the headers
     * @param descriptor its C signature
     * @param critical {@code true} only for calls that cannot block whatever the descriptor's
     *     flags — a socket transfer given {@code MSG_DONTWAIT}, {@code epoll_ctl} — because a
     *     critical call holds safepoints off and one that blocked would freeze the JVM; they run
     *     without a thread-state transition and may take heap memory, which is what lets a
     *     {@code byte[]} be read into without a copy
     * @return the handle
     */
    @SuppressWarnings("restricted") // this module is the one granted native access
    public static MethodHandle downcall(String name, FunctionDescriptor descriptor, boolean critical) {
        return downcall(symbol(name), descriptor, critical);
    }

    /**
     * Links a function that sets {@code errno}, found by the caller: in a library other than
     * libc, such as libkqueue.
     *
     * @param symbol the function's entry
     * @param descriptor its C signature
     * @param critical as {@link #downcall(String, FunctionDescriptor, boolean)} has it
     * @return the handle, taking the capture segment first
     */
    @SuppressWarnings("restricted") // this module is the one granted native access
    public static MethodHandle downcall(MemorySegment symbol, FunctionDescriptor descriptor, boolean critical) {
        return critical
                ? LINKER.downcallHandle(symbol, descriptor, CAPTURE_ERRNO, Linker.Option.critical(true))
                : LINKER.downcallHandle(symbol, descriptor, CAPTURE_ERRNO);
    }

    /**
     * Links a variadic function such as {@code fcntl}, whose fixed arguments end before
     * {@code firstVariadic}.
     *
     * @param name the C function, by its name in the headers
     * @param descriptor its C signature, with the variadic arguments of the one use made of it
     * @param firstVariadic the index of the first variadic argument
     * @return the handle, capturing errno, not critical
     */
    @SuppressWarnings("restricted") // this module is the one granted native access
    static MethodHandle downcallVariadic(String name, FunctionDescriptor descriptor, int firstVariadic) {
        MemorySegment symbol = symbol(name);
        return LINKER.downcallHandle(symbol, descriptor, CAPTURE_ERRNO, Linker.Option.firstVariadicArg(firstVariadic));
    }

    /**
     * Links a function that never fails, such as {@code strerror}.
     *
     * @param name the C function, by its name in the headers
     * @param descriptor its C signature
     * @return the handle
     */
    @SuppressWarnings("restricted") // this module is the one granted native access
    public static MethodHandle downcallNoErrno(String name, FunctionDescriptor descriptor) {
        return downcallNoErrno(symbol(name), descriptor);
    }

    /**
     * Links a function that never fails, found by the caller.
     *
     * @param symbol the function's entry
     * @param descriptor its C signature
     * @return the handle
     */
    @SuppressWarnings("restricted") // this module is the one granted native access
    public static MethodHandle downcallNoErrno(MemorySegment symbol, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /**
     * The C library's entry for a function, by the symbol this OS exports it as
     * ({@code __kevent50} for NetBSD's {@code kevent}).
     *
     * @param name the C function, by its name in the headers
     * @return its entry
     * @throws UnsatisfiedLinkError where libc has none
     */
    public static MemorySegment symbol(String name) {
        String symbol = Abi.current().symbol(name);
        return LINKER.defaultLookup().find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + symbol));
    }

    /**
     * The errno a call captured.
     *
     * @param capture the segment passed to the call
     * @return the errno value
     */
    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /**
     * The convention of every wrapper: the result, or minus the errno.
     *
     * @param result what the C function returned
     * @param capture the segment passed to the call
     * @return {@code result} when not negative, else {@code -errno}
     */
    public static int result(int result, MemorySegment capture) {
        return result >= 0 ? result : -errno(capture);
    }

    /**
     * The convention for functions that return {@code ssize_t}.
     *
     * @param result what the C function returned
     * @param capture the segment passed to the call
     * @return {@code result} when not negative, else {@code -errno}
     */
    public static long result(long result, MemorySegment capture) {
        return result >= 0 ? result : -errno(capture);
    }

    /**
     * Turns what {@code invokeExact} may throw into something a caller needs not declare: a
     * downcall handle only throws what the JVM itself throws.
     *
     * @param t what the handle threw
     * @return never; the method always throws
     */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a native call threw " + t, t);
    }
}
