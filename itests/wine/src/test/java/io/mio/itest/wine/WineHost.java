package io.mio.itest.wine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This JDK's HotSpot inside a Wine process, where Java code reaches Wine's implementation of the
 * Windows APIs: {@code jvmhost} (src/test/c) is built once with {@code winegcc}, with the shim
 * that makes each JVM thread a Wine thread, into {@code target/wine}, whose Wine prefix every
 * run shares. A run is the Windows backend's: {@code -Dio.mio.backend=windows}, native access
 * granted, on the class path Maven wrote for it (the API, the Windows backend, the suite).
 */
final class WineHost {
    private static final Path SOURCES = Path.of("src", "test", "c");
    private static WineHost built;

    private final Path work;
    private final Path host;

    private WineHost(Path work, Path host) {
        this.work = work;
        this.host = host;
    }

    /**
     * The host, built on first use.
     *
     * @return it
     * @throws Exception when a tool is missing or the build fails
     */
    static synchronized WineHost get() throws Exception {
        if (built == null) {
            Path work = Files.createDirectories(Path.of(System.getProperty("wine.work")));
            Path include = Path.of(System.getProperty("java.home"), "include");
            step(List.of("winegcc", "-m64", "-mconsole", "-O2", "-I" + include, "-I" + include.resolve("linux"), "-o",
                    work.resolve("jvmhost").toString(), SOURCES.resolve("jvmhost.c").toString(), "-ldl", "-lpthread"),
                    work.resolve("winegcc.log"));
            step(List.of("gcc", "-O2", "-shared", "-fPIC", "-o", work.resolve("libjvmhost-threads.so").toString(),
                    SOURCES.resolve("jvmhost-threads.c").toString(), "-ldl"), work.resolve("gcc.log"));
            built = new WineHost(work, work.resolve("jvmhost.exe.so"));
        }
        return built;
    }

    /**
     * A JVM inside Wine running {@code mainClass} on the Windows backend.
     *
     * @param mainClass the class whose {@code main} runs
     * @param jvmOptions further JVM options
     * @param args the program's arguments
     * @return the process, not started
     * @throws IOException when the class path file cannot be read
     */
    ProcessBuilder java(String mainClass, List<String> jvmOptions, List<String> args) throws IOException {
        String classPath = Files.readString(Path.of(System.getProperty("wine.classpath.file"))).strip()
                + java.io.File.pathSeparator + System.getProperty("wine.launcher");
        List<String> command = new ArrayList<>(List.of("wine", host.toString(),
                Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so").toString(),
                "-Djava.class.path=" + classPath, "-Dio.mio.backend=windows",
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment());
        return builder;
    }

    /**
     * Stops the prefix's {@code wineserver} and whatever it still runs, so that no process
     * outlives a test.
     *
     * @throws IOException when it cannot be run
     * @throws InterruptedException when interrupted while waiting
     */
    void stop() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("wineserver", "-k").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment());
        builder.start().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Where runs keep their files.
     *
     * @return the directory
     */
    Path work() {
        return work;
    }

    private Map<String, String> environment() {
        return Map.of("WINEPREFIX", work.resolve("prefix").toString(), "WINEDEBUG", "-all",
                "LD_PRELOAD", work.resolve("libjvmhost-threads.so").toString());
    }

    /** Runs a build step, which must succeed. */
    private static void step(List<String> command, Path log) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " cannot be run (./verify installs Wine and its tools): " + e.getMessage(), e);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + read(log));
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
