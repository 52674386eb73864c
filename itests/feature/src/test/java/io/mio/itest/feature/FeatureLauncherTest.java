package io.mio.itest.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mio.itest.osgi.ContainerProcess;
import io.mio.itest.osgi.ProbeBundle;
import io.mio.itest.osgi.RoundTripProbe;
import io.mio.itest.osgi.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mio's OSGi R8 feature ({@code io.mio:io.mio.features:json:osgifeature}), as published, launched
 * by the Apache Sling feature launcher on Felix in a JVM of its own, beside a second feature that
 * holds only the probe bundle: the probe's TCP round trip must pass, with nothing on the launcher's
 * output but its own progress — no error and no JDK warning.
 */
class FeatureLauncherTest {
    private static final Duration LAUNCH_AND_ECHO_LIMIT = Duration.ofMinutes(2);

    @Test
    void theMioFeatureLaunchesAndEchoes() throws Exception {
        String version = System.getProperty("mio.version");
        Path work = Path.of(System.getProperty("mio.work"), "launcher");
        Path repository = Path.of(System.getProperty("mio.repository"));
        Path mio = repository.resolve("io/mio/io.mio.features/" + version + "/io.mio.features-" + version + "-osgifeature.json");
        // The probe goes into the repository too: a feature names its bundles by Maven id.
        ProbeBundle.write(repository.resolve("io/mio/itest/" + ProbeBundle.SYMBOLIC_NAME + "/" + ProbeBundle.VERSION
                + "/" + ProbeBundle.SYMBOLIC_NAME + "-" + ProbeBundle.VERSION + ".jar"));
        Trees.delete(work);
        Files.createDirectories(work);
        Path probe = Files.writeString(work.resolve("probe-feature.json"), """
                {
                  "id": "io.mio.itest:probe-feature:1.0.0",
                  "bundles": [ { "id": "io.mio.itest:%s:%s" } ]
                }
                """.formatted(ProbeBundle.SYMBOLIC_NAME, ProbeBundle.VERSION));
        Path result = work.resolve("probe-result.txt");
        Path output = work.resolve("launcher.log");

        ProcessBuilder launcher = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", // bundles live in unnamed modules
                "--sun-misc-unsafe-memory-access=allow", // Felix's own use of Unsafe, not Mio's
                "-cp", System.getProperty("mio.launcher.classpath"),
                "org.apache.sling.feature.launcher.impl.Main",
                "-f", mio + "," + probe,
                "-fv", System.getProperty("mio.felix.version"),
                // The build's copy first, so that no older install of Mio in the local repository wins.
                "-u", repository.toUri() + "," + Path.of(System.getProperty("mio.local.repository")).toUri(),
                "-p", work.resolve("home").toString(),
                "-c", work.resolve("cache").toString(),
                "-D", RoundTripProbe.RESULT + "=" + result))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        try (ContainerProcess running = ContainerProcess.start(launcher)) {
            String answer = ProbeBundle.awaitAnswer(result, running::isAlive, LAUNCH_AND_ECHO_LIMIT)
                    .orElse("no answer from the probe within " + LAUNCH_AND_ECHO_LIMIT + (running.isAlive() ? "" : " (the launcher exited)"));
            String log = Files.readString(output);
            assertEquals("ok epoll", answer, () -> "launcher output:\n" + log);
            assertEquals(List.of(), log.lines().filter(line -> !line.startsWith("[INFO]")).toList(),
                    "the launcher says nothing but its progress");
        }
        Trees.delete(work); // kept where the test failed, for its output
    }
}
