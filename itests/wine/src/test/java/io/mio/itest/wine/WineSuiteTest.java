package io.mio.itest.wine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * implementation of the Windows APIs: the JUnit console launcher runs the suite inside the
 * {@link WineHost}. Every test must pass or be skipped with its reason (Unix-only, Wine 8 without
 * {@code AF_UNIX}, a named Wine divergence); the reasons are printed. Nothing outlives the run:
 * the prefix's {@code wineserver} is stopped at the end.
 */
class WineSuiteTest {
    private static final long SUITE_MINUTES = 20;

    @Test
    void theBehaviourSuitePassesOnTheWindowsBackendUnderWine() throws Exception {
        WineHost host = WineHost.get();
        Path reports = host.work().resolve("reports");
        Path log = host.work().resolve("suite.log");
        ProcessBuilder suite = host.java("org.junit.platform.console.ConsoleLauncher",
                List.of("-Dbasedir=" + System.getProperty("net.basedir")),
                List.of("execute", "--select-package", "io.mio.net", "--disable-banner", "--disable-ansi-colors",
                        "--details=summary", "--reports-dir=" + reports,
                        "--config=junit.jupiter.execution.timeout.default=180s"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        int exit;
        try {
            Process process = suite.start();
            if (!process.waitFor(SUITE_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the suite did not finish in " + SUITE_MINUTES + " minutes:\n" + tail(WineHost.read(log)));
            }
            exit = process.exitValue();
        } finally {
            host.stop();
        }
        String output = WineHost.read(log);
        Path report = reports.resolve("TEST-junit-jupiter.xml");
        assertTrue(Files.exists(report), () -> "the suite ran and wrote its report:\n" + tail(output));
        String xml = Files.readString(report);
        printSkips(xml);
        int tests = count(xml, "<testcase ");
        System.out.println("WineSuiteTest: " + tests + " tests of io.mio.net on the Windows backend under Wine; log in " + log);
        assertTrue(tests > 100, "the suite was found: " + tests);
        assertEquals(0, exit, () -> "every test passes or is skipped with its reason:\n" + failures(xml) + tail(output));
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

}
