package io.mio.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The handle checks on Windows, through kernel32 and ws2_32 directly: on Windows from its DLLs,
 * in the Wine test host through the host's resolver. Windows has no call that tells whether a
 * socket is non-blocking, so that part of {@link #assertOwnSocket} is what the suite's transfers
 * show (none of them blocks).
 */
@SuppressWarnings("restricted") // the tests are granted native access
final class WindowsCalls implements OsCalls {
    static final WindowsCalls INSTANCE = new WindowsCalls();
    private static final int HANDLE_FLAG_INHERIT = 1;
    private static final int FIONBIO = 0x8004667E;

    private final Arena arena = Arena.ofShared();
    private final MethodHandle getHandleInformation = link("kernel32.dll", "GetHandleInformation",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
    private final MethodHandle getProcessHandleCount = link("kernel32.dll", "GetProcessHandleCount",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
    private final MethodHandle getCurrentProcess = link("kernel32.dll", "GetCurrentProcess",
            FunctionDescriptor.of(JAVA_LONG));
    private final MethodHandle ioctlsocket = link("ws2_32.dll", "ioctlsocket",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS));
    /** Wine checks such pointers against its own heap: a process-heap block serves on both. */
    private final MemorySegment out = heapBlock();

    private WindowsCalls() {}

    @Override
    public synchronized boolean isOpen(long handle) {
        try {
            return (int) getHandleInformation.invokeExact(handle, out) != 0;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public synchronized void makeBlocking(long handle) throws Throwable {
        out.set(JAVA_INT, 0, 0);
        if ((int) ioctlsocket.invokeExact(handle, FIONBIO, out) != 0) {
            throw new AssertionError("ioctlsocket(FIONBIO, 0) failed on " + handle);
        }
    }

    @Override
    public synchronized void assertOwnSocket(long handle) {
        try {
            org.junit.jupiter.api.Assertions.assertNotEquals(0, (int) getHandleInformation.invokeExact(handle, out),
                    "GetHandleInformation(" + handle + ")");
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        org.junit.jupiter.api.Assertions.assertEquals(0, out.get(JAVA_INT, 0) & HANDLE_FLAG_INHERIT,
                "HANDLE_FLAG_INHERIT on socket " + handle);
    }

    @Override
    public synchronized int openHandles() {
        if (WineDivergence.thisRunIsUnderWine()) {
            org.junit.jupiter.api.Assumptions.abort(WineDivergence.HANDLE_COUNT_IS_ALWAYS_ZERO.toString());
        }
        try {
            if ((int) getProcessHandleCount.invokeExact((long) getCurrentProcess.invokeExact(), out) == 0) {
                throw new AssertionError("GetProcessHandleCount failed");
            }
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        return out.get(JAVA_INT, 0);
    }

    private MemorySegment heapBlock() {
        MethodHandle heap = link("kernel32.dll", "GetProcessHeap", FunctionDescriptor.of(JAVA_LONG));
        MethodHandle alloc = link("kernel32.dll", "HeapAlloc", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG));
        try {
            return MemorySegment.ofAddress((long) alloc.invokeExact((long) heap.invokeExact(), 8, 16L)).reinterpret(16);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private MethodHandle link(String dll, String name, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        String resolver = System.getProperty("io.mio.windows.wproc");
        MemorySegment entry;
        if (resolver != null) {
            MethodHandle resolve = linker.downcallHandle(MemorySegment.ofAddress(Long.parseUnsignedLong(resolver)),
                    FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
            try {
                entry = (MemorySegment) resolve.invokeExact(arena.allocateFrom(dll), arena.allocateFrom(name));
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        } else {
            entry = SymbolLookup.libraryLookup(dll, arena).find(name).orElseThrow();
        }
        return linker.downcallHandle(entry, descriptor);
    }
}
