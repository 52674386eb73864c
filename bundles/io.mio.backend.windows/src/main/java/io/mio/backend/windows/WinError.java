package io.mio.backend.windows;

import io.mio.spi.OsFailure;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The error codes the backend tells apart, as {@code <winerror.h>} numbers them: Winsock's
 * {@code WSAE*} codes ({@code WSAGetLastError}) and the Win32 codes completion ports and
 * {@code RtlNtStatusToDosError} give ({@code GetLastError}). Each says what it means to a Java
 * user ({@link OsFailure.Kind}), so that a refused connect is the same {@code ConnectException}
 * as on Unix. {@code WindowsHeadersAbiTest} checks every number against mingw-w64's headers.
 */
enum WinError {
    ERROR_SUCCESS(0), ERROR_INVALID_HANDLE(6), ERROR_NOT_ENOUGH_MEMORY(8), ERROR_INVALID_PARAMETER(87),
    WAIT_TIMEOUT(258), ERROR_OPERATION_ABORTED(995), ERROR_IO_PENDING(997), ERROR_NOT_FOUND(1168),

    WSAEINTR(10004), WSAEBADF(10009), WSAEACCES(10013, OsFailure.Kind.ACCESS_DENIED), WSAEFAULT(10014),
    WSAEINVAL(10022), WSAEMFILE(10024), WSAEWOULDBLOCK(10035), WSAEINPROGRESS(10036), WSAEALREADY(10037),
    WSAENOTSOCK(10038), WSAEDESTADDRREQ(10039), WSAEMSGSIZE(10040), WSAEPROTOTYPE(10041),
    WSAENOPROTOOPT(10042), WSAEPROTONOSUPPORT(10043), WSAESOCKTNOSUPPORT(10044), WSAEOPNOTSUPP(10045),
    WSAEPFNOSUPPORT(10046), WSAEAFNOSUPPORT(10047),
    WSAEADDRINUSE(10048, OsFailure.Kind.ADDRESS_IN_USE), WSAEADDRNOTAVAIL(10049, OsFailure.Kind.ADDRESS_NOT_AVAILABLE),
    WSAENETDOWN(10050), WSAENETUNREACH(10051, OsFailure.Kind.UNREACHABLE), WSAENETRESET(10052),
    WSAECONNABORTED(10053), WSAECONNRESET(10054), WSAENOBUFS(10055), WSAEISCONN(10056), WSAENOTCONN(10057),
    WSAESHUTDOWN(10058), WSAETIMEDOUT(10060, OsFailure.Kind.TIMED_OUT),
    WSAECONNREFUSED(10061, OsFailure.Kind.CONNECTION_REFUSED), WSAEHOSTDOWN(10064),
    WSAEHOSTUNREACH(10065, OsFailure.Kind.UNREACHABLE), WSANOTINITIALISED(10093);

    private static final Map<Integer, WinError> BY_NUMBER = new HashMap<>();

    static {
        for (WinError error : values()) {
            BY_NUMBER.put(error.number, error);
        }
    }

    private final int number;
    private final OsFailure.Kind kind;

    WinError(int number) {
        this(number, OsFailure.Kind.OTHER);
    }

    WinError(int number, OsFailure.Kind kind) {
        this.number = number;
        this.kind = kind;
    }

    /**
     * The code.
     *
     * @return it
     */
    int number() {
        return number;
    }

    /**
     * What the failure means to a Java user.
     *
     * @return the kind; {@link OsFailure.Kind#OTHER} for most
     */
    OsFailure.Kind kind() {
        return kind;
    }

    /**
     * The error's name and number, as messages give it: {@code "WSAECONNREFUSED (10061)"}, or
     * {@code "error 1234"} for a code this table does not name.
     *
     * @param code a Win32 or Winsock error code
     * @return the words
     */
    static String describe(int code) {
        WinError known = BY_NUMBER.get(code);
        return known == null ? "error " + code : known.name() + " (" + code + ")";
    }

    /**
     * The exception for a failed socket call, of the type the same failure has on Unix.
     *
     * @param call the call, such as {@code "connect"}
     * @param code what {@code WSAGetLastError} said
     * @return the exception, for the caller to throw
     */
    static IOException socketException(String call, int code) {
        WinError known = BY_NUMBER.get(code);
        OsFailure.Kind kind = known == null ? OsFailure.Kind.OTHER : known.kind;
        return OsFailure.socketException(call, kind, call + " failed: " + describe(code));
    }

    /**
     * The exception for a failed call that is not a socket's, such as creating a completion port.
     *
     * @param call the call
     * @param code what {@code GetLastError} said
     * @return the exception
     */
    static IOException ioException(String call, int code) {
        return new IOException(call + " failed: " + describe(code));
    }
}
