package io.mio.backend.windows;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;

/**
 * Whether this JVM runs in the Wine test host ({@code itests/wine}): a Linux JVM inside a Wine
 * process, linking with the Windows convention, which passes the address of its export resolver
 * in {@link #RESOLVER_PROPERTY}. Told apart without touching native code, so that asking costs
 * nothing on any other machine.
 */
final class WineTestHost {
    /**
     * Set by the Wine test host only: the address of its {@code void *resolve(const char *dll,
     * const char *name)}. Honoured only where the JVM is not Windows's and links with the Windows
     * convention, which no production JVM does.
     */
    static final String RESOLVER_PROPERTY = "io.mio.windows.wproc";

    /** The host's resolver, or null when this is not the host. */
    static final MemorySegment RESOLVER = resolver();

    private WineTestHost() {}

    /**
     * Whether this JVM is the test host.
     *
     * @return {@code true} there
     */
    static boolean isThis() {
        return RESOLVER != null;
    }

    @SuppressWarnings("restricted") // this module is the one granted native access
    private static MemorySegment resolver() {
        String address = System.getProperty(RESOLVER_PROPERTY);
        if (address == null || System.getProperty("os.name", "").startsWith("Windows")) {
            return null;
        }
        boolean windowsConvention = Linker.nativeLinker().canonicalLayouts().get("long").byteSize() == 4;
        return windowsConvention ? MemorySegment.ofAddress(Long.parseUnsignedLong(address)) : null;
    }
}
