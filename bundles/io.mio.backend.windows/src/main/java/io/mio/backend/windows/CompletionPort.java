package io.mio.backend.windows;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * An I/O completion port: the queue every AFD poll of a selector completes on, and that a Waker
 * posts to. Owns the handle; closing it is the selector's last step.
 */
final class CompletionPort {
    private final long handle;

    private CompletionPort(long handle) {
        this.handle = handle;
    }

    /**
     * Creates a port for one thread's waits.
     *
     * @return the port
     * @throws IOException when the OS refuses
     */
    static CompletionPort create() throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        long port;
        try {
            port = (long) Kernel32.CREATE_IO_COMPLETION_PORT.invokeExact(capture, -1L, 0L, 0L, 1);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (port == 0) {
            throw WinError.ioException("CreateIoCompletionPort", WinLink.lastError(capture));
        }
        return new CompletionPort(port);
    }

    /**
     * Associates a handle with this port: its overlapped operations complete here with {@code key}.
     *
     * @param file the handle, such as an AFD helper's
     * @param key the completion key its completions carry
     * @throws IOException when the OS refuses
     */
    void add(long file, long key) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        long result;
        try {
            result = (long) Kernel32.CREATE_IO_COMPLETION_PORT.invokeExact(capture, file, handle, key, 0);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (result == 0) {
            throw WinError.ioException("CreateIoCompletionPort", WinLink.lastError(capture));
        }
    }

    /**
     * Waits for completions and writes them into {@code entries}.
     *
     * @param entries an {@code OVERLAPPED_ENTRY} array
     * @param capacity its length
     * @param removed an {@code ULONG} the count is written to
     * @param millis how long to wait; {@link WinConstant#INFINITE} for ever
     * @return the number dequeued, 0 when the wait timed out
     * @throws IOException when the wait fails for another reason
     */
    int get(MemorySegment entries, int capacity, MemorySegment removed, int millis) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int ok;
        try {
            ok = (int) Kernel32.GET_QUEUED_COMPLETION_STATUS_EX.invokeExact(capture, handle, entries, capacity, removed,
                    millis, 0);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (ok != 0) {
            return removed.get(java.lang.foreign.ValueLayout.JAVA_INT, 0);
        }
        int error = WinLink.lastError(capture);
        if (error == WinError.WAIT_TIMEOUT.number()) {
            return 0;
        }
        throw WinError.ioException("GetQueuedCompletionStatusEx", error);
    }

    /**
     * Queues a completion that no operation made, as a Waker does.
     *
     * @param bytes what the entry's byte count carries
     * @param key what its completion key carries (the token)
     * @param context what its {@code lpOverlapped} carries: a value, never read as a pointer
     * @throws IOException when the OS refuses
     */
    void post(int bytes, long key, long context) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int ok;
        try {
            ok = (int) Kernel32.POST_QUEUED_COMPLETION_STATUS.invokeExact(capture, handle, bytes, key, context);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (ok == 0) {
            throw WinError.ioException("PostQueuedCompletionStatus", WinLink.lastError(capture));
        }
    }

    /** Closes the port; the selector calls it once, when no thread waits any longer. */
    void close() {
        try {
            int ignored = (int) Kernel32.CLOSE_HANDLE.invokeExact(WinScratch.get().capture, handle);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The handle's value, for diagnostics.
     *
     * @return it
     */
    long handle() {
        return handle;
    }
}
