package io.mio.backend.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The kernel32 functions of completion ports and handles, linked once. Each returns what the OS
 * does; the caller reads the last error from its capture segment on failure.
 */
final class Kernel32 {
    /** {@code HANDLE CreateIoCompletionPort(HANDLE file, HANDLE existing, ULONG_PTR key, DWORD threads)}. */
    static final MethodHandle CREATE_IO_COMPLETION_PORT = WinLink.downcall("kernel32.dll", "CreateIoCompletionPort",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT));
    /**
     * {@code BOOL GetQueuedCompletionStatusEx(HANDLE port, LPOVERLAPPED_ENTRY entries, ULONG count,
     * PULONG removed, DWORD millis, BOOL alertable)}: blocks, so never critical.
     */
    static final MethodHandle GET_QUEUED_COMPLETION_STATUS_EX = WinLink.downcall("kernel32.dll",
            "GetQueuedCompletionStatusEx",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    /** {@code BOOL PostQueuedCompletionStatus(HANDLE port, DWORD bytes, ULONG_PTR key, LPOVERLAPPED overlapped)}. */
    static final MethodHandle POST_QUEUED_COMPLETION_STATUS = WinLink.downcall("kernel32.dll",
            "PostQueuedCompletionStatus", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
    /** {@code BOOL CloseHandle(HANDLE)}. */
    static final MethodHandle CLOSE_HANDLE = WinLink.downcall("kernel32.dll", "CloseHandle",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    /** {@code BOOL SetFileCompletionNotificationModes(HANDLE, UCHAR flags)}. */
    static final MethodHandle SET_FILE_COMPLETION_NOTIFICATION_MODES = WinLink.downcall("kernel32.dll",
            "SetFileCompletionNotificationModes", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
    /** {@code BOOL SetHandleInformation(HANDLE, DWORD mask, DWORD flags)}. */
    static final MethodHandle SET_HANDLE_INFORMATION = WinLink.downcall("kernel32.dll", "SetHandleInformation",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT));

    private Kernel32() {}
}
