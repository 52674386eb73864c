package io.mio.backend.windows;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Where the memory the backend hands to Windows comes from: the structures the OS reads or fills
 * (addresses, lengths, option values, {@code WSABUF}s, completion entries, AFD poll requests).
 * On Windows an {@link Arena} serves. In the Wine test host, Wine checks such pointers against
 * the memory it mapped itself, and refuses the JVM's ({@code getsockname} fails with
 * {@code WSAEINVAL}), so there they come from the process heap ({@code HeapAlloc}), freed when
 * the arena closes. The bytes of a transfer need neither: Wine reads and writes them wherever
 * they are.
 */
final class WinMemory {
    private static final MethodHandle GET_PROCESS_HEAP = WineTestHost.isThis()
            ? WinLink.downcallNoError("kernel32.dll", "GetProcessHeap", FunctionDescriptor.of(ValueLayout.JAVA_LONG)) : null;
    private static final MethodHandle HEAP_ALLOC = WineTestHost.isThis()
            ? WinLink.downcallNoError("kernel32.dll", "HeapAlloc",
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG))
            : null;
    private static final MethodHandle HEAP_FREE = WineTestHost.isThis()
            ? WinLink.downcallNoError("kernel32.dll", "HeapFree",
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG))
            : null;
    private static final int HEAP_ZERO_MEMORY = 0x8;

    private WinMemory() {}

    /**
     * Zeroed memory that lives as long as the arena.
     *
     * @param arena the owner, such as a selector's or a thread's scratch
     * @param bytes the size
     * @return the memory, 8-aligned
     */
    @SuppressWarnings("restricted") // this module is the one granted native access
    static MemorySegment allocate(Arena arena, long bytes) {
        if (HEAP_ALLOC == null) {
            return arena.allocate(bytes, 8);
        }
        try {
            long address = (long) HEAP_ALLOC.invokeExact((long) GET_PROCESS_HEAP.invokeExact(), HEAP_ZERO_MEMORY, bytes);
            if (address == 0) {
                throw new OutOfMemoryError("HeapAlloc of " + bytes + " bytes failed");
            }
            return MemorySegment.ofAddress(address).reinterpret(bytes, arena, WinMemory::free);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static void free(MemorySegment memory) {
        try {
            int ignored = (int) HEAP_FREE.invokeExact((long) GET_PROCESS_HEAP.invokeExact(), 0, memory.address());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
