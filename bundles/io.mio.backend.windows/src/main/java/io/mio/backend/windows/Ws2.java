package io.mio.backend.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The Winsock functions, linked once, each taking the last-error capture first. A {@code SOCKET}
 * is a 64-bit handle; {@code SOCKET_ERROR} is -1 and {@code INVALID_SOCKET} all ones.
 */
final class Ws2 {
    private static final String DLL = "ws2_32.dll";

    static final MethodHandle WSA_STARTUP = WinLink.downcallNoError(DLL, "WSAStartup",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    /** {@code SOCKET WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW, GROUP, DWORD flags)}. */
    static final MethodHandle WSA_SOCKET_W = WinLink.downcall(DLL, "WSASocketW",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT));
    static final MethodHandle CLOSESOCKET = WinLink.downcall(DLL, "closesocket", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    static final MethodHandle BIND = WinLink.downcall(DLL, "bind", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT));
    static final MethodHandle LISTEN = WinLink.downcall(DLL, "listen", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
    static final MethodHandle ACCEPT = WinLink.downcall(DLL, "accept",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS));
    static final MethodHandle CONNECT = WinLink.downcall(DLL, "connect",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT));
    static final MethodHandle GETSOCKNAME = WinLink.downcall(DLL, "getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
    static final MethodHandle GETPEERNAME = WinLink.downcall(DLL, "getpeername",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
    /**
     * The transfers take the buffer as a segment, which the call holds: its arena cannot close
     * and free the memory while the OS uses it.
     */
    static final MethodHandle RECV = WinLink.downcall(DLL, "recv",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle SEND = WinLink.downcall(DLL, "send",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle RECVFROM = WinLink.downcall(DLL, "recvfrom",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle SENDTO = WinLink.downcall(DLL, "sendto",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    /** {@code int WSARecv(SOCKET, LPWSABUF, DWORD count, LPDWORD received, LPDWORD flags, overlapped, routine)}. */
    static final MethodHandle WSA_RECV = WinLink.downcall(DLL, "WSARecv",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG));
    /** {@code int WSASend(SOCKET, LPWSABUF, DWORD count, LPDWORD sent, DWORD flags, overlapped, routine)}. */
    static final MethodHandle WSA_SEND = WinLink.downcall(DLL, "WSASend",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG));
    static final MethodHandle SHUTDOWN = WinLink.downcall(DLL, "shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
    static final MethodHandle SETSOCKOPT = WinLink.downcall(DLL, "setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle GETSOCKOPT = WinLink.downcall(DLL, "getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    /** {@code int ioctlsocket(SOCKET, long cmd, u_long *arg)}: {@code long} is 32 bits. */
    static final MethodHandle IOCTLSOCKET = WinLink.downcall(DLL, "ioctlsocket",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS));
    /** {@code int WSAIoctl(SOCKET, DWORD code, in, inLength, out, outLength, LPDWORD returned, overlapped, routine)}. */
    static final MethodHandle WSA_IOCTL = WinLink.downcall(DLL, "WSAIoctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG,
                    JAVA_LONG));

    /** {@code SOCKET_ERROR}. */
    static final int SOCKET_ERROR = -1;
    /** {@code INVALID_SOCKET}. */
    static final long INVALID_SOCKET = -1L;

    private Ws2() {}
}
