package io.mio.backend.windows;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How this backend finds and links Windows functions, and how it reads the thread's last error.
 *
 * <p>On Windows the DLLs are found with {@link SymbolLookup#libraryLookup(String, Arena)}, and every
 * function that fails through {@code GetLastError} (Winsock's {@code WSAGetLastError} reads the
 * same slot) is linked with {@code captureCallState("GetLastError")}: the JVM's own Win32 calls
 * between the failing call and a later read would overwrite it. Each handle takes the capture
 * segment first, as the Unix backend's do.
 *
 * <p>In the Wine test host ({@code itests/wine}), a Linux JVM runs inside a Wine process with the
 * Windows x64 calling convention. There, DLLs are Wine's, found through the host's resolver, whose
 * address it passes in {@link WineTestHost#RESOLVER_PROPERTY}; the Linux JDK cannot capture
 * {@code GetLastError}, so the handle calls it right after the function instead, which is exact
 * there because that JVM itself never calls Win32. Memory the OS fills must come from Wine's heap
 * there ({@link WinMemory}).
 */
final class WinLink {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemorySegment HOST_RESOLVER = WineTestHost.RESOLVER;
    private static final boolean CAPTURES = HOST_RESOLVER == null;
    /** What the capture segment holds: the JDK's state layout on Windows, one int in the host. */
    static final MemoryLayout CAPTURE_LAYOUT = CAPTURES ? Linker.Option.captureStateLayout() : ValueLayout.JAVA_INT;
    private static final long LAST_ERROR_OFFSET = CAPTURES
            ? Linker.Option.captureStateLayout().byteOffset(MemoryLayout.PathElement.groupElement("GetLastError"))
            : 0;
    private static final Map<String, SymbolLookup> LIBRARIES = new ConcurrentHashMap<>();
    private static final MethodHandle RESOLVE = HOST_RESOLVER == null ? null
            : downcallNoError(HOST_RESOLVER, FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    private static final MethodHandle GET_LAST_ERROR = CAPTURES ? null
            : downcallNoError(find("kernel32.dll", "GetLastError"), FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final MethodHandle STORE_INT;
    private static final MethodHandle STORE_LONG;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STORE_INT = lookup.findStatic(WinLink.class, "storeLastError",
                    MethodType.methodType(int.class, int.class, MemorySegment.class));
            STORE_LONG = lookup.findStatic(WinLink.class, "storeLastError",
                    MethodType.methodType(long.class, long.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private WinLink() {}

    /**
     * Links a function that reports failure through {@code GetLastError}: the handle takes the
     * capture segment ({@link WinScratch#capture}) first; read it with {@link #lastError}.
     * Never critical: Windows calls take locks and may block.
     *
     * @param dll such as {@code "ws2_32.dll"}
     * @param name the exported name
     * @param descriptor its C signature, returning an {@code int} or a pointer-sized value
     * @return the handle
     */
    @SuppressWarnings("restricted") // this module is the one granted native access
    static MethodHandle downcall(String dll, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = find(dll, name);
        if (CAPTURES) {
            return LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("GetLastError"));
        }
        // (args...) -> r, then (r, capture) -> r after GetLastError is stored, moved to (capture, args...).
        MethodHandle call = LINKER.downcallHandle(symbol, descriptor);
        Class<?> result = call.type().returnType();
        MethodHandle store = result == int.class ? STORE_INT : STORE_LONG;
        MethodHandle chained = MethodHandles.collectArguments(store, 0, call);
        int count = call.type().parameterCount();
        int[] order = new int[count + 1];
        for (int i = 0; i < count; i++) {
            order[i] = i + 1;
        }
        order[count] = 0;
        MethodType wanted = call.type().insertParameterTypes(0, MemorySegment.class);
        return MethodHandles.permuteArguments(chained, wanted, order);
    }

    /**
     * Links a function whose failure is in its result alone (an {@code NTSTATUS}) or that cannot fail.
     *
     * @param dll such as {@code "ntdll.dll"}
     * @param name the exported name
     * @param descriptor its C signature
     * @return the handle
     */
    static MethodHandle downcallNoError(String dll, String name, FunctionDescriptor descriptor) {
        return downcallNoError(find(dll, name), descriptor);
    }

    @SuppressWarnings("restricted") // this module is the one granted native access
    private static MethodHandle downcallNoError(MemorySegment symbol, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /**
     * The last error a call linked by {@link #downcall} left.
     *
     * @param capture the segment passed to it
     * @return the Win32 or Winsock error code
     */
    static int lastError(MemorySegment capture) {
        return capture.get(ValueLayout.JAVA_INT, LAST_ERROR_OFFSET);
    }

    private static int storeLastError(int result, MemorySegment capture) throws Throwable {
        capture.set(ValueLayout.JAVA_INT, 0, (int) GET_LAST_ERROR.invokeExact());
        return result;
    }

    private static long storeLastError(long result, MemorySegment capture) throws Throwable {
        capture.set(ValueLayout.JAVA_INT, 0, (int) GET_LAST_ERROR.invokeExact());
        return result;
    }

    @SuppressWarnings("restricted") // this module is the one granted native access
    private static MemorySegment find(String dll, String name) {
        if (HOST_RESOLVER != null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment entry = (MemorySegment) RESOLVE.invokeExact(arena.allocateFrom(dll), arena.allocateFrom(name));
                if (entry.equals(MemorySegment.NULL)) {
                    throw new UnsatisfiedLinkError(dll + " has no export " + name + " in this Wine");
                }
                return entry;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        }
        return LIBRARIES.computeIfAbsent(dll, d -> SymbolLookup.libraryLookup(d, Arena.global())).find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError(dll + " has no export " + name));
    }
}
