package io.mio.backend.windows;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * One handle to the Ancillary Function Driver ({@code \Device\Afd\Mio}), associated with a
 * selector's completion port, through which up to {@link AfdGroup#SOCKETS_PER_HANDLE} sockets are
 * polled. A poll request ({@link #poll}) completes on the port; {@link #cancel} ends one early.
 */
final class AfdHandle {
    private static final String NAME = "\\Device\\Afd\\Mio";

    private final long handle;
    private final MemorySegment cancelStatus;
    private int users;

    private AfdHandle(long handle, MemorySegment cancelStatus) {
        this.handle = handle;
        this.cancelStatus = cancelStatus;
    }

    /**
     * Opens a handle and associates it with the port.
     *
     * @param port the selector's port
     * @param arena the selector's memory
     * @return the handle
     * @throws IOException when the OS refuses
     */
    static AfdHandle open(CompletionPort port, Arena arena) throws IOException {
        byte[] name = NAME.getBytes(StandardCharsets.UTF_16LE);
        MemorySegment chars = WinMemory.allocate(arena, name.length + 2L);
        MemorySegment.copy(name, 0, chars, ValueLayout.JAVA_BYTE, 0, name.length);
        MemorySegment unicode = WinMemory.allocate(arena, WinLayouts.UNICODE_STRING.byteSize());
        unicode.set(WinLayouts.USHORT, Offsets.UNICODE_LENGTH, (short) name.length);
        unicode.set(WinLayouts.USHORT, Offsets.UNICODE_MAXIMUM_LENGTH, (short) name.length);
        unicode.set(WinLayouts.HANDLE, Offsets.UNICODE_BUFFER, chars.address());
        MemorySegment attributes = WinMemory.allocate(arena, WinLayouts.OBJECT_ATTRIBUTES.byteSize());
        attributes.set(WinLayouts.LONG, Offsets.OBJECT_ATTRIBUTES_LENGTH, (int) WinLayouts.OBJECT_ATTRIBUTES.byteSize());
        attributes.set(WinLayouts.HANDLE, Offsets.OBJECT_ATTRIBUTES_OBJECT_NAME, unicode.address());
        MemorySegment handleOut = WinMemory.allocate(arena, 8);
        MemorySegment status = WinMemory.allocate(arena, WinLayouts.IO_STATUS_BLOCK.byteSize());
        int result;
        try {
            result = (int) Ntdll.NT_CREATE_FILE.invokeExact(handleOut, WinConstant.SYNCHRONIZE.value(), attributes, status,
                    0L, 0, WinConstant.FILE_SHARE_READ.value() | WinConstant.FILE_SHARE_WRITE.value(),
                    WinConstant.FILE_OPEN.value(), 0, 0L, 0);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (result != WinConstant.STATUS_SUCCESS.value()) {
            throw WinError.ioException("NtCreateFile(" + NAME + ")", Ntdll.dosError(result));
        }
        AfdHandle afd = new AfdHandle(handleOut.get(WinLayouts.HANDLE, 0),
                WinMemory.allocate(arena, WinLayouts.IO_STATUS_BLOCK.byteSize()));
        try {
            port.add(afd.handle, 0);
            MemorySegment capture = WinScratch.get().capture;
            int ok = (int) Kernel32.SET_FILE_COMPLETION_NOTIFICATION_MODES.invokeExact(capture, afd.handle,
                    WinConstant.FILE_SKIP_SET_EVENT_ON_HANDLE.value());
            if (ok == 0) {
                throw WinError.ioException("SetFileCompletionNotificationModes", WinLink.lastError(capture));
            }
        } catch (IOException | RuntimeException | Error e) {
            afd.close();
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        return afd;
    }

    /**
     * Starts a poll of one socket; it completes on the port with {@code context} as the entry's
     * {@code lpOverlapped}.
     *
     * @param info the {@code AFD_POLL_INFO}, filled in
     * @param status its {@code IO_STATUS_BLOCK}, set to {@code STATUS_PENDING} here
     * @param context what identifies the request when it completes
     * @return the {@code NTSTATUS}: {@code STATUS_PENDING} as a rule, {@code STATUS_SUCCESS} when
     *     it completed at once (it is queued on the port all the same), else a failure
     */
    int poll(MemorySegment info, MemorySegment status, long context) {
        status.set(WinLayouts.LONG, Offsets.IOSB_STATUS, WinConstant.STATUS_PENDING.value());
        int size = (int) WinLayouts.AFD_POLL_INFO.byteSize();
        try {
            return (int) Ntdll.NT_DEVICE_IO_CONTROL_FILE.invokeExact(handle, 0L, 0L, context, status, Afd.IOCTL_AFD_POLL,
                    info, size, info, size);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Cancels a pending poll; its completion, with {@code STATUS_CANCELLED}, is still queued.
     *
     * @param status the request's {@code IO_STATUS_BLOCK}
     * @return the {@code NTSTATUS}: success, or {@code STATUS_NOT_FOUND} when it had completed
     */
    int cancel(MemorySegment status) {
        try {
            return (int) Ntdll.NT_CANCEL_IO_FILE_EX.invokeExact(handle, status, cancelStatus);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Counts one more socket polled through this handle. */
    void acquire() {
        users++;
    }

    /**
     * Counts one socket fewer.
     *
     * @return whether none is left
     */
    boolean release() {
        return --users == 0;
    }

    /**
     * How many sockets are polled through this handle.
     *
     * @return the count
     */
    int users() {
        return users;
    }

    /** Closes the handle; a poll still pending on it completes, cancelled. */
    void close() {
        try {
            int ignored = (int) Kernel32.CLOSE_HANDLE.invokeExact(WinScratch.get().capture, handle);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
