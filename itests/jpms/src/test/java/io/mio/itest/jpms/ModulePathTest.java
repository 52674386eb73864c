package io.mio.itest.jpms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.PollProvider;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Mio as a library: strict modules, services, encapsulation, and real program runs on the module and class paths. */
class ModulePathTest {
    @Test
    void theServiceEchoesOverTcp() throws IOException {
        PollProvider provider = ServiceLoader.load(PollProvider.class).findFirst().orElseThrow();
        assertEquals("epoll", provider.backend());
        byte[] message = "round trip".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(message, EchoRoundTrip.roundTrip(provider, message));
    }

    @Test
    void everyMioModuleIsNamedAndExportsOnlyItsApi() {
        for (String name : List.of("io.mio.core", "io.mio.net", "io.mio.backend.unix")) {
            Module module = ModuleLayer.boot().findModule(name).orElseThrow(() -> new AssertionError(name + " not resolved"));
            ModuleDescriptor descriptor = module.getDescriptor();
            assertFalse(descriptor.isAutomatic(), name + " is a real module, not an automatic one");
            assertFalse(descriptor.isOpen(), name + " is not open");
        }
        Module core = PollProvider.class.getModule();
        Module me = EchoRoundTrip.class.getModule();
        assertTrue(core.isExported("io.mio", me));
        assertTrue(core.isExported("io.mio.spi", me), "the backend contract, for any OS's backend module to provide");
        assertFalse(core.isExported("io.mio.internal.shared", me), "the core's machinery is io.mio.net's alone");
        assertFalse(core.isExported("io.mio.internal", me));
        assertFalse(core.getDescriptor().exports().stream().anyMatch(e -> e.targets().stream().anyMatch(t -> t.startsWith("io.mio.backend"))),
                "the core's descriptor names no backend");
        assertTrue(ModuleLayer.boot().findModule("io.mio.backend.unix").orElseThrow().getDescriptor().exports().isEmpty());
    }

    @Test
    void internalClassesCannotBeReached() throws Exception {
        Class<?> backends = Class.forName("io.mio.internal.shared.Backends");
        assertThrows(IllegalAccessException.class, () -> backends.getMethod("current").invoke(null));
        Class<?> provider = Class.forName("io.mio.internal.SystemPollProvider");
        assertThrows(IllegalAccessException.class, () -> provider.getConstructor().newInstance());
    }

    @Test
    void runsAsAProgramWithNativeAccessGrantedToTheBackendOnly() throws Exception {
        assertEquals("echoed: hello module path (backend epoll)", run(
                "--enable-native-access=io.mio.backend.unix",
                "--module-path", System.getProperty("jdk.module.path"),
                "--module", "io.mio.itest.jpms/io.mio.itest.jpms.EchoRoundTrip", "hello module path"),
                "no warnings, just the echo");
    }

    @Test
    void runsFromTheClassPathToo() throws Exception {
        // The same jars on the class path: module descriptors are ignored, and the services are
        // found through their META-INF/services entries.
        assertEquals("echoed: hello class path (backend epoll)", run(
                "--enable-native-access=ALL-UNNAMED",
                "--class-path", System.getProperty("jdk.module.path"),
                "io.mio.itest.jpms.EchoRoundTrip", "hello class path"));
    }

    @Test
    void withoutNativeAccessEveryCallSaysHowToGrantIt() throws Exception {
        String modulePath = run("--module-path", System.getProperty("jdk.module.path"),
                "--module", "io.mio.itest.jpms/io.mio.itest.jpms.Availability");
        assertUnavailable(modulePath, "denied native access", "--enable-native-access=io.mio.backend.unix");
        String classPath = run("--class-path", System.getProperty("jdk.module.path"), "io.mio.itest.jpms.Availability");
        assertUnavailable(classPath, "denied native access", "--enable-native-access=ALL-UNNAMED");
    }

    @Test
    void withoutABackendEveryCallSaysWhatToAdd() throws Exception {
        String withoutBackend = java.util.Arrays.stream(System.getProperty("jdk.module.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("io.mio.backend")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        String modulePath = run("--enable-native-access=ALL-UNNAMED", "--module-path", withoutBackend,
                "--module", "io.mio.itest.jpms/io.mio.itest.jpms.Availability");
        assertUnavailable(modulePath, "none was found", "on the module path");
        String classPath = run("--class-path", withoutBackend, "io.mio.itest.jpms.Availability");
        assertUnavailable(classPath, "none was found", "on the class path");
    }

    /** The program's answers: the reason, a provider that says so, and the same documented exception from Poll and sockets. */
    private static void assertUnavailable(String output, String... reason) {
        List<String> lines = output.lines().toList();
        for (String words : reason) {
            assertTrue(lines.get(0).startsWith("cause: ") && lines.get(0).contains(words), output);
        }
        assertTrue(lines.get(1).startsWith("provider available: false; Mio PollProvider (unavailable: "), output);
        String cause = lines.get(0).substring("cause: ".length());
        assertEquals("open 1: java.lang.UnsupportedOperationException: " + cause, lines.get(2), output);
        assertEquals("open 2: java.lang.UnsupportedOperationException: " + cause, lines.get(3), "every call, not only the first");
        assertEquals("bind 1: java.lang.UnsupportedOperationException: " + cause, lines.get(4), "the sockets too");
        assertEquals("bind 2: java.lang.UnsupportedOperationException: " + cause, lines.get(5), output);
        assertFalse(output.contains("ExceptionInInitializerError") || output.contains("NoClassDefFoundError"), output);
    }

    /** Runs a JVM that refuses native access to all but what the arguments grant; returns its output. */
    private static String run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--illegal-native-access=deny"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly(); // leave no JVM behind the build
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the program did not end within 60 s: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output.strip();
    }
}
