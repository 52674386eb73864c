package io.mio.backend.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.spi.Backend;
import org.junit.jupiter.api.Test;

/** The backend's choice, asked of every OS from this one, without touching Windows code. */
class WindowsBackendTest {
    private final WindowsBackend backend = new WindowsBackend();

    @Test
    void itIsChosenOnSixtyFourBitWindowsAndSaysWhyNotElsewhere() {
        assertNull(backend.unavailabilityCause("Windows 11", "amd64"));
        assertNull(backend.unavailabilityCause("Windows Server 2022", "aarch64"));
        String x86 = backend.unavailabilityCause("Windows 10", "x86");
        assertTrue(x86 != null && x86.contains("64-bit"), x86);
        String linux = backend.unavailabilityCause("Linux", "amd64");
        assertTrue(linux != null && linux.contains("Linux"), linux);
        assertNotNull(backend.unavailabilityCause(), "this machine is not Windows, nor the Wine test host");
    }

    @Test
    void itIsFoundAsABackendAndSaysWhatItCanDo() throws java.io.IOException {
        // Found on the module path through the descriptor, on the class path and in OSGi through the services file.
        var descriptor = WindowsBackend.class.getModule().getDescriptor();
        assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(Backend.class.getName())
                && p.providers().equals(java.util.List.of(WindowsBackend.class.getName()))), descriptor::toString);
        try (var services = WindowsBackend.class.getResourceAsStream("/META-INF/services/" + Backend.class.getName())) {
            assertEquals(WindowsBackend.class.getName(), new String(services.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
        }
        assertEquals("windows", backend.name());
        assertEquals(10, backend.preference());
        assertEquals(false, backend.reportsEveryArrival(), "edges are emulated, as mio's are");
        assertEquals(false, backend.reportsTruncatedLength());
        assertNull(backend.unix(), "no pipes, pairs or descriptor passing");
    }
}
