package io.mio.backend.linux;

import io.mio.spi.OsFailure;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Linux errno values (the same on x86_64 and aarch64: both use the generic numbering), and the
 * exception each becomes. Exceptions are built only on the error path; the would-block values
 * never become one.
 */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int EINVAL = 22;
    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int EPIPE = 32;
    static final int ENOTSOCK = 88;
    static final int EMSGSIZE = 90;
    static final int EAFNOSUPPORT = 97;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETUNREACH = 101;
    static final int ECONNABORTED = 103;
    static final int ECONNRESET = 104;
    static final int ENOBUFS = 105;
    static final int EISCONN = 106;
    static final int ENOTCONN = 107;
    static final int ETIMEDOUT = 110;
    static final int ECONNREFUSED = 111;
    static final int EHOSTUNREACH = 113;
    static final int EALREADY = 114;
    static final int EINPROGRESS = 115;

    private static final String[] NAMES = new String[134];

    static {
        String[] known = {
            "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD",
            "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV",
            "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC",
            "ESPIPE", "EROFS", "EMLINK", "EPIPE",
        };
        System.arraycopy(known, 0, NAMES, 1, known.length);
        String[] network = {
            "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT",
            "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE",
            "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET",
            "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT",
            "ECONNREFUSED", "EHOSTDOWN", "EHOSTUNREACH", "EALREADY", "EINPROGRESS",
        };
        System.arraycopy(network, 0, NAMES, ENOTSOCK, network.length);
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
     * What a Linux errno means, OS-neutrally; only on the error path.
     *
     * @param errno the errno value
     * @return its kind
     */
    static OsFailure.Kind kind(int errno) {
        return switch (errno) {
            case ECONNREFUSED -> OsFailure.Kind.CONNECTION_REFUSED;
            case ETIMEDOUT -> OsFailure.Kind.TIMED_OUT;
            case EHOSTUNREACH, ENETUNREACH -> OsFailure.Kind.UNREACHABLE;
            case EADDRINUSE -> OsFailure.Kind.ADDRESS_IN_USE;
            case EADDRNOTAVAIL -> OsFailure.Kind.ADDRESS_NOT_AVAILABLE;
            case EACCES -> OsFailure.Kind.ACCESS_DENIED;
            default -> OsFailure.Kind.OTHER;
        };
    }

    /**
     * The exception for a failed call that is not a socket call ({@code epoll_ctl},
     * {@code eventfd}).
     *
     * @param call the call, with its arguments where they help
     * @param errno the errno value
     * @return the exception, to be thrown by the caller
     */
    static IOException ioException(String call, int errno) {
        return new IOException(message(call, errno));
    }
}
