package io.mio.backend.posix;

import io.mio.spi.OsFailure;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Map;

/**
 * The errno values the code tests for, bound from this OS's {@link ErrnoTable}, and the
 * exception each becomes. Exceptions are built only on the error path; the would-block values
 * never become one.
 */
public final class Errno {
    static final int EPERM = Abi.errno("EPERM");
    /** {@code ENOENT} on this OS. */
    public static final int ENOENT = Abi.errno("ENOENT");
    /** {@code EINTR} on this OS. */
    public static final int EINTR = Abi.errno("EINTR");
    static final int EBADF = Abi.errno("EBADF");
    /** {@code EAGAIN} on this OS. */
    public static final int EAGAIN = Abi.errno("EAGAIN");
    static final int ENOMEM = Abi.errno("ENOMEM");
    static final int EACCES = Abi.errno("EACCES");
    static final int EEXIST = Abi.errno("EEXIST");
    static final int EINVAL = Abi.errno("EINVAL");
    static final int ENFILE = Abi.errno("ENFILE");
    static final int EMFILE = Abi.errno("EMFILE");
    static final int EPIPE = Abi.errno("EPIPE");
    static final int ENOTSOCK = Abi.errno("ENOTSOCK");
    static final int EMSGSIZE = Abi.errno("EMSGSIZE");
    static final int EAFNOSUPPORT = Abi.errno("EAFNOSUPPORT");
    static final int EADDRINUSE = Abi.errno("EADDRINUSE");
    static final int EADDRNOTAVAIL = Abi.errno("EADDRNOTAVAIL");
    static final int ENETUNREACH = Abi.errno("ENETUNREACH");
    static final int ECONNABORTED = Abi.errno("ECONNABORTED");
    static final int ECONNRESET = Abi.errno("ECONNRESET");
    static final int ENOBUFS = Abi.errno("ENOBUFS");
    static final int EISCONN = Abi.errno("EISCONN");
    static final int ENOTCONN = Abi.errno("ENOTCONN");
    static final int ETIMEDOUT = Abi.errno("ETIMEDOUT");
    static final int ECONNREFUSED = Abi.errno("ECONNREFUSED");
    static final int EHOSTUNREACH = Abi.errno("EHOSTUNREACH");
    static final int EALREADY = Abi.errno("EALREADY");
    static final int EINPROGRESS = Abi.errno("EINPROGRESS");

    /** The names this OS's table gives, by number; on the error path only. */
    private static final String[] NAMES = namesByNumber(Abi.current().errnos());

    /** What each errno means to a Java user, by its name: the same on every Unix. */
    private static final Map<String, OsFailure.Kind> KINDS = Map.of(
            "ECONNREFUSED", OsFailure.Kind.CONNECTION_REFUSED,
            "ETIMEDOUT", OsFailure.Kind.TIMED_OUT,
            "EHOSTUNREACH", OsFailure.Kind.UNREACHABLE,
            "ENETUNREACH", OsFailure.Kind.UNREACHABLE,
            "EADDRINUSE", OsFailure.Kind.ADDRESS_IN_USE,
            "EADDRNOTAVAIL", OsFailure.Kind.ADDRESS_NOT_AVAILABLE,
            "EACCES", OsFailure.Kind.ACCESS_DENIED);

    private static String[] namesByNumber(ErrnoTable table) {
        int largest = table.numbers().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        String[] names = new String[largest + 1];
        table.numbers().forEach((name, number) -> names[number] = name);
        return names;
    }

    private static final MethodHandle STRERROR = Libc.downcallNoErrno("strerror",
            FunctionDescriptor.of(Libc.C_POINTER, Libc.C_INT));

    private Errno() {}

    /**
     * The symbolic name of an errno value.
     *
     * @param errno the value
     * @return such as {@code "ECONNREFUSED"}, or {@code "errno 200"} for one this class does not
     *     name
     */
    static String name(int errno) {
        String name = errno > 0 && errno < NAMES.length ? NAMES[errno] : null;
        return name != null ? name : "errno " + errno;
    }

    /**
     * The C library's description of an errno value. Only called on the error path.
     *
     * @param errno the value
     * @return such as {@code "Connection refused"}
     */
    @SuppressWarnings("restricted") // strerror returns a NUL-terminated string of unknown length
    static synchronized String description(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * The message every exception of this backend carries: the call, the OS's words and the
     * errno's name.
     *
     * @param call what failed, such as {@code "connect"}
     * @param errno the errno value
     * @return such as {@code "connect failed: Connection refused (ECONNREFUSED)"}
     */
    static String message(String call, int errno) {
        return call + " failed: " + description(errno) + " (" + name(errno) + ")";
    }

    /**
     * The exception a Java user expects from a failed socket call: the errno's kind, made into
     * the exception every backend makes of it ({@link OsFailure}).
     *
     * @param call the call, such as {@code "bind"}; it decides between the exception types
     * @param errno the errno value
     * @return the exception, to be thrown by the caller
     */
    static IOException socketException(String call, int errno) {
        return OsFailure.socketException(call, kind(errno), message(call, errno));
    }

    /**
     * What an errno means, OS-neutrally; only on the error path.
     *
     * @param errno the errno value
     * @return its kind
     */
    static OsFailure.Kind kind(int errno) {
        String name = errno > 0 && errno < NAMES.length ? NAMES[errno] : null;
        return name == null ? OsFailure.Kind.OTHER : KINDS.getOrDefault(name, OsFailure.Kind.OTHER);
    }

    /**
     * The exception for a failed call that is not a socket call ({@code epoll_ctl},
     * {@code eventfd}).
     *
     * @param call the call, with its arguments where they help
     * @param errno the errno value
     * @return the exception, to be thrown by the caller
     */
    public static IOException ioException(String call, int errno) {
        return new IOException(message(call, errno));
    }
}
