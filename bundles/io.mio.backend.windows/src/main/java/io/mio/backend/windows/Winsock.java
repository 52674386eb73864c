package io.mio.backend.windows;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Winsock's start-up, once per process, and the socket questions the selector asks. Every socket
 * Mio opens or takes is non-blocking, overlapped (so that AFD can poll it) and not inherited.
 */
final class Winsock {
    private static final int VERSION_2_2 = 0x0202;
    private static volatile boolean started;

    private Winsock() {}

    /**
     * Starts Winsock 2.2 for this process, once; later calls return at once.
     *
     * @throws IOException when Winsock cannot start
     */
    static void start() throws IOException {
        if (started) {
            return;
        }
        synchronized (Winsock.class) {
            if (started) {
                return;
            }
            // WSADATA is filled and never read; its memory lives with the process, as Winsock's use does.
            MemorySegment data = WinMemory.allocate(Arena.global(), WinLayouts.WSADATA.byteSize());
            int error;
            try {
                error = (int) Ws2.WSA_STARTUP.invokeExact(VERSION_2_2, data);
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
            if (error != 0) {
                throw WinError.ioException("WSAStartup(2.2)", error);
            }
            started = true;
        }
    }

    /**
     * The base provider's socket under any layered service providers, which is what AFD polls
     * ({@code SIO_BASE_HANDLE}).
     *
     * @param socket the socket
     * @return its base socket, the socket itself when no provider is layered over it
     * @throws IOException when the socket is not one
     */
    static long baseSocket(long socket) throws IOException {
        WinScratch scratch = WinScratch.get();
        int result;
        try {
            result = (int) Ws2.WSA_IOCTL.invokeExact(scratch.capture, socket, WinConstant.SIO_BASE_HANDLE.value(), 0L, 0,
                    scratch.value, 8, scratch.length, 0L, 0L);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (result == Ws2.SOCKET_ERROR) {
            throw WinError.socketException("WSAIoctl(SIO_BASE_HANDLE)", WinLink.lastError(scratch.capture));
        }
        return scratch.value.get(ValueLayout.JAVA_LONG, 0);
    }
}
