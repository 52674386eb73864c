package io.mio.itest.wine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The behaviour suite of {@code io.mio.net} on the Windows backend, run for real against Wine's
 * implementation of the Windows APIs: this JDK's HotSpot, started inside a Wine process by
 * {@code jvmhost} (built here with {@code winegcc}), runs the JUnit console launcher over the
 * suite with {@code -Dio.mio.backend=windows}. Every test must pass or be skipped with its reason
 * (Unix-only, Wine 8 without {@code AF_UNIX}, a named Wine divergence); the reasons are printed.
 * Nothing outlives the run: the Wine prefix is under {@code target/}, and its {@code wineserver}
 * is stopped at the end.
 */
class WineSuiteTest {
    private static final Path SOURCES = Path.of("src", "test", "c");
    private static final long SUITE_MINUTES = 20;

    @Test
    void theBehaviourSuitePassesOnTheWindowsBackendUnderWine() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("wine.work")));
        Path host = build(work);
        Path reports = work.resolve("reports");
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        String classPath = Files.readString(Path.of(System.getProperty("wine.classpath.file"))).strip()
                + java.io.File.pathSeparator + System.getProperty("wine.launcher");
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = List.of("wine", host.toString(), javaHome.resolve("lib/server/libjvm.so").toString(),
                "-Djava.class.path=" + classPath, "-Dio.mio.backend=windows",
                "-Dbasedir=" + System.getProperty("net.basedir"), "-Djava.io.tmpdir=" + tmp,
                "--enable-native-access=ALL-UNNAMED",
                "org.junit.platform.console.ConsoleLauncher", "execute", "--select-package", "io.mio.net",
                "--disable-banner", "--disable-ansi-colors", "--details=summary", "--reports-dir=" + reports,
                "--config=junit.jupiter.execution.timeout.default=180s");
        Path log = work.resolve("suite.log");
        Map<String, String> wine = environment(work);
        int exit;
        try {
            exit = run(command, wine, log, SUITE_MINUTES);
        } finally {
            stopWine(wine);
        }
        String output = Files.readString(log);
        Path report = reports.resolve("TEST-junit-jupiter.xml");
        assertTrue(Files.exists(report), () -> "the suite ran and wrote its report:\n" + tail(output));
        String xml = Files.readString(report);
        printSkips(xml);
        int tests = count(xml, "<testcase ");
        System.out.println("WineSuiteTest: " + tests + " tests of io.mio.net on the Windows backend under Wine; log in " + log);
        assertTrue(tests > 100, "the suite was found: " + tests);
        assertEquals(0, exit, () -> "every test passes or is skipped with its reason:\n" + failures(xml) + tail(output));
    }

    /** Builds jvmhost and the thread shim, in {@code work}. */
    private static Path build(Path work) throws Exception {
        Path include = Path.of(System.getProperty("java.home"), "include");
        Path host = work.resolve("jvmhost");
        step(List.of("winegcc", "-m64", "-mconsole", "-O2", "-I" + include, "-I" + include.resolve("linux"), "-o",
                host.toString(), SOURCES.resolve("jvmhost.c").toString(), "-ldl", "-lpthread"), work.resolve("winegcc.log"));
        step(List.of("gcc", "-O2", "-shared", "-fPIC", "-o", work.resolve("libjvmhost-threads.so").toString(),
                SOURCES.resolve("jvmhost-threads.c").toString(), "-ldl"), work.resolve("gcc.log"));
        return work.resolve("jvmhost.exe.so");
    }

    private static Map<String, String> environment(Path work) {
        return Map.of("WINEPREFIX", work.resolve("prefix").toString(), "WINEDEBUG", "-all",
                "LD_PRELOAD", work.resolve("libjvmhost-threads.so").toString());
    }

    /** Runs a build step, which must succeed. */
    private static void step(List<String> command, Path log) throws IOException, InterruptedException {
        int exit = run(command, Map.of(), log, 2);
        assertEquals(0, exit, () -> command + " failed:\n" + readQuietly(log));
    }

    /** Runs a command to its end, its output in {@code log}, and returns its exit status. */
    private static int run(List<String> command, Map<String, String> environment, Path log, long minutes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " cannot be run (./verify installs Wine and its tools): " + e.getMessage(), e);
        }
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in " + minutes + " minutes:\n" + tail(readQuietly(log)));
        }
        return process.exitValue();
    }

    /** Stops the prefix's wineserver, so that no process outlives the test. */
    private static void stopWine(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("wineserver", "-k").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        builder.start().waitFor(30, TimeUnit.SECONDS);
    }

    /** Prints each skip reason once, with how many tests it skipped. */
    private static void printSkips(String xml) {
        Map<String, Integer> reasons = new TreeMap<>();
        Matcher skipped = Pattern.compile("<skipped(?: message=\"([^\"]*)\")?>(?:<!\\[CDATA\\[(.*?)]]>)?", Pattern.DOTALL)
                .matcher(xml);
        while (skipped.find()) {
            String reason = skipped.group(1) != null ? unescape(skipped.group(1))
                    : skipped.group(2) != null ? skipped.group(2).strip() : "(no reason given)";
            reason = reason.lines().findFirst().orElse(reason)
                    .replaceFirst("^org\\.opentest4j\\.TestAbortedException: ", "").replaceFirst("^Assumption failed: ", "");
            reasons.merge(reason, 1, Integer::sum);
        }
        reasons.forEach((reason, n) -> System.out.println("WineSuiteTest: skipped " + n + ": " + reason));
    }

    private static String failures(String xml) {
        List<String> failed = new ArrayList<>();
        Matcher testcase = Pattern.compile("<testcase name=\"([^\"]*)\" classname=\"([^\"]*)\"[^>]*>\\s*<(failure|error) message=\"([^\"]*)\"")
                .matcher(xml);
        while (testcase.find()) {
            failed.add(testcase.group(2) + "." + testcase.group(1) + ": " + unescape(testcase.group(4)));
        }
        return String.join("\n", failed) + "\n";
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&");
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
