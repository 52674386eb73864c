package io.mio.net;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The few libc calls the tests make themselves, as a user of Mio would with FFM: descriptors
 * that Mio did not open, to register or adopt.
 */
public final class NativeCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle EVENTFD = function("eventfd",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle SOCKET = function("socket",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle WRITE = function("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    /** {@code EFD_NONBLOCK | EFD_CLOEXEC}. */
    public static final int EVENTFD_FLAGS = 0x800 | 0x80000;
    /** {@code AF_UNIX}. */
    public static final int AF_UNIX = 1;
    /** {@code SOCK_STREAM}. */
    public static final int SOCK_STREAM = 1;

    private NativeCalls() {}

    @SuppressWarnings("restricted")
    private static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor);
    }

    /** {@code eventfd(0, flags)}. */
    public static int eventfd(int flags) throws Throwable {
        return (int) EVENTFD.invokeExact(0, flags);
    }

    /** {@code socket(domain, type, 0)}: blocking and inherited across exec unless the type says otherwise. */
    public static int socket(int domain, int type) throws Throwable {
        return (int) SOCKET.invokeExact(domain, type, 0);
    }

    /** {@code write(fd, buf, buf.byteSize())}. */
    public static long write(int fd, MemorySegment buf) throws Throwable {
        return (long) WRITE.invokeExact(fd, buf, buf.byteSize());
    }

    /** {@code close(fd)}: 0, or -1 when it was not open. */
    public static int close(int fd) throws Throwable {
        return (int) CLOSE.invokeExact(fd);
    }

    /** Whether this process has {@code fd} open. */
    public static boolean isOpen(int fd) {
        return Files.exists(Path.of("/proc/self/fd/" + fd));
    }

    /** What {@code fd} refers to, as {@code /proc/self/fd} names it ({@code socket:[123]}, {@code pipe:[45]}). */
    public static String target(int fd) throws java.io.IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    }
}
