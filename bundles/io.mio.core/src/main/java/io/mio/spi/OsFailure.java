package io.mio.spi;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;

/**
 * How a failed OS call becomes the exception a Java user expects, for every backend alike: the
 * backend says once, on the error path, which {@link Kind} its error number is (errno on Unix,
 * {@code WSAGetLastError} on Windows) and gives the OS's own words; the exception type is chosen
 * here, so that the same failure is the same exception on every OS.
 */
public final class OsFailure {
    /** The failures a Java user tells apart by exception type; every other one is {@link #OTHER}. */
    public enum Kind {
        /** Nothing listens at the address ({@code ECONNREFUSED}, {@code WSAECONNREFUSED}). */
        CONNECTION_REFUSED,
        /** The peer did not answer in time ({@code ETIMEDOUT}). */
        TIMED_OUT,
        /** No route to the host or its network ({@code EHOSTUNREACH}, {@code ENETUNREACH}). */
        UNREACHABLE,
        /** The address is taken ({@code EADDRINUSE}). */
        ADDRESS_IN_USE,
        /** The address is not this machine's ({@code EADDRNOTAVAIL}). */
        ADDRESS_NOT_AVAILABLE,
        /** The OS refused for want of permission ({@code EACCES}). */
        ACCESS_DENIED,
        /** Any other failure: a {@link SocketException} with the OS's words. */
        OTHER
    }

    private OsFailure() {}

    /**
     * The exception for a failed socket call.
     *
     * @param call the call, such as {@code "bind"}; binding and connecting have exception types
     *     of their own for some kinds
     * @param kind what the OS's error number means
     * @param message the call, the OS's words and the error's name, such as
     *     {@code "connect failed: Connection refused (ECONNREFUSED)"}
     * @return the exception, for the caller to throw
     */
    public static IOException socketException(String call, Kind kind, String message) {
        return switch (kind) {
            case CONNECTION_REFUSED, TIMED_OUT -> call.equals("connect") ? new ConnectException(message) : new SocketException(message);
            case UNREACHABLE -> new NoRouteToHostException(message);
            case ADDRESS_IN_USE, ADDRESS_NOT_AVAILABLE, ACCESS_DENIED ->
                    call.equals("bind") ? new BindException(message) : new SocketException(message);
            case OTHER -> new SocketException(message);
        };
    }
}
