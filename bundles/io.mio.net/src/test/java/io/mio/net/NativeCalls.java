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
    private static final MethodHandle SOCKETPAIR = function("socketpair", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    @SuppressWarnings("restricted")
    private static final MethodHandle FCNTL = LINKER.downcallHandle(LINKER.defaultLookup().find("fcntl").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));

    /** {@code EFD_NONBLOCK | EFD_CLOEXEC}. */
    public static final int EVENTFD_FLAGS = 0x800 | 0x80000;
    /** {@code AF_UNIX}. */
    public static final int AF_UNIX = 1;
    /** {@code SOCK_STREAM}. */
    public static final int SOCK_STREAM = 1;

    /** {@code SOCK_SEQPACKET}. */
    public static final int SOCK_SEQPACKET = 5;
    /** {@code SOCK_RAW}. */
    public static final int SOCK_RAW = 3;
    /** {@code AF_INET}. */
    public static final int AF_INET = 2;
    /** {@code IPPROTO_ICMP}. */
    public static final int IPPROTO_ICMP = 1;
    private static final int F_GETFD = 1;
    private static final int F_GETFL = 3;
    private static final int FD_CLOEXEC = 1;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 0x800;

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

    /** {@code socket(domain, type, protocol)}: -1 when refused. */
    public static int socket(int domain, int type, int protocol) throws Throwable {
        return (int) SOCKET.invokeExact(domain, type, protocol);
    }

    /** {@code socketpair(AF_UNIX, type, 0, fds)}: the two descriptors, or throws. */
    public static int[] socketPair(int type) throws Throwable {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(8);
            if ((int) SOCKETPAIR.invokeExact(AF_UNIX, type, 0, fds) != 0) {
                throw new AssertionError("socketpair failed");
            }
            return new int[] {fds.get(ValueLayout.JAVA_INT, 0), fds.get(ValueLayout.JAVA_INT, 4)};
        }
    }

    /**
     * Clears {@code O_NONBLOCK}, as another holder of a shared or passed descriptor may: calls on
     * it then block unless each call says otherwise.
     */
    public static void makeBlocking(int fd) throws Throwable {
        int flags = (int) FCNTL.invokeExact(fd, F_GETFL, 0);
        if (flags < 0 || (int) FCNTL.invokeExact(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
            throw new AssertionError("fcntl failed on " + fd);
        }
    }

    /** {@code write(fd, buf, buf.byteSize())}. */
    public static long write(int fd, MemorySegment buf) throws Throwable {
        return (long) WRITE.invokeExact(fd, buf, buf.byteSize());
    }

    /** {@code close(fd)}: 0, or -1 when it was not open. */
    public static int close(int fd) throws Throwable {
        return (int) CLOSE.invokeExact(fd);
    }

    /** Whether this process has {@code fd} open: {@code fcntl(F_GETFD)} answers only for an open one. */
    public static boolean isOpen(long fd) {
        return descriptorFlags(fd) >= 0;
    }

    /** {@code fcntl(fd, F_GETFD)}: -1 when not open. */
    private static int descriptorFlags(long fd) {
        try {
            return (int) FCNTL.invokeExact((int) fd, F_GETFD, 0);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Whether {@code fd} is non-blocking ({@code O_NONBLOCK} in {@code F_GETFL}). */
    public static boolean isNonBlocking(long fd) {
        try {
            int flags = (int) FCNTL.invokeExact((int) fd, F_GETFL, 0);
            return flags >= 0 && (flags & O_NONBLOCK) != 0;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Whether {@code fd} is closed on exec ({@code FD_CLOEXEC} in {@code F_GETFD}). */
    public static boolean isCloseOnExec(long fd) {
        int flags = descriptorFlags(fd);
        return flags >= 0 && (flags & FD_CLOEXEC) != 0;
    }

    /** What {@code fd} refers to, as {@code /proc/self/fd} names it ({@code socket:[123]}, {@code pipe:[45]}). */
    public static String target(int fd) throws java.io.IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    }
}
