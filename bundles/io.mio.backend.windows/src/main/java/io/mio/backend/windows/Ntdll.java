package io.mio.backend.windows;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The ntdll functions AFD polling needs, linked once. They return an {@code NTSTATUS}, which
 * {@code RtlNtStatusToDosError} turns into the Win32 code the rest of the backend speaks.
 */
final class Ntdll {
    /**
     * {@code NtCreateFile(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK,
     * PLARGE_INTEGER allocation, ULONG attributes, ULONG share, ULONG disposition, ULONG options,
     * PVOID ea, ULONG eaLength)}.
     */
    static final MethodHandle NT_CREATE_FILE = WinLink.downcallNoError("ntdll.dll", "NtCreateFile",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT,
                    JAVA_INT, JAVA_LONG, JAVA_INT));
    /**
     * {@code NtDeviceIoControlFile(HANDLE, HANDLE event, PIO_APC_ROUTINE, PVOID apcContext,
     * PIO_STATUS_BLOCK, ULONG code, PVOID in, ULONG inLength, PVOID out, ULONG outLength)}: the
     * context comes back as the completion's {@code lpOverlapped}.
     */
    static final MethodHandle NT_DEVICE_IO_CONTROL_FILE = WinLink.downcallNoError("ntdll.dll", "NtDeviceIoControlFile",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS,
                    JAVA_INT, ADDRESS, JAVA_INT));
    /** {@code NtCancelIoFileEx(HANDLE, PIO_STATUS_BLOCK request, PIO_STATUS_BLOCK status)}. */
    static final MethodHandle NT_CANCEL_IO_FILE_EX = WinLink.downcallNoError("ntdll.dll", "NtCancelIoFileEx",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
    /** {@code ULONG RtlNtStatusToDosError(NTSTATUS)}. */
    static final MethodHandle RTL_NT_STATUS_TO_DOS_ERROR = WinLink.downcallNoError("ntdll.dll", "RtlNtStatusToDosError",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private Ntdll() {}

    /**
     * The Win32 error code for an {@code NTSTATUS}.
     *
     * @param status the status
     * @return the code
     */
    static int dosError(int status) {
        try {
            return (int) RTL_NT_STATUS_TO_DOS_ERROR.invokeExact(status);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
