package io.mio.itest.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Mio's features repository in a real Apache Karaf on this JDK: the test unpacks Karaf 4.4.10,
 * makes exactly the changes the README's Karaf section tells a user to make for JDK 25, drops a
 * features file into {@code deploy/} that installs the {@code mio} feature and a probe bundle,
 * boots {@code bin/karaf server}, and waits for the probe's TCP round trip ({@link RoundTripProbe}).
 */
class KarafTest {
    private static final Duration BOOT_AND_ECHO_LIMIT = Duration.ofMinutes(3);

    /** What a user sets for Karaf 4.4.10 on JDK 25; the README's Karaf section says why each. */
    static final Map<String, String> USER_ENVIRONMENT = Map.of(
            // Replaces Karaf's default JAVA_OPTS, whose -Djava.security.manager=allow JDK 24+ refuses.
            "JAVA_OPTS", "-XX:+UnlockDiagnosticVMOptions",
            // Native access for Mio's backend (bundles live in unnamed modules), and sun.misc.Unsafe
            // memory access for Karaf's own libraries, which JDK 25 otherwise warns about.
            "EXTRA_JAVA_OPTS", "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow");

    @Test
    void theMioFeatureInstallsAndEchoesInKaraf() throws Exception {
        Path work = Path.of(System.getProperty("mio.work"), "karaf");
        Trees.delete(work);
        KarafHome karaf = KarafHome.unpack(Path.of(System.getProperty("mio.karaf.archive")), work);

        // The user's change: Karaf's EventAdmin calls Subject.getSubject, which throws on JDK 24+.
        karaf.dropLines("startup.properties", "org.apache.karaf.services.eventadmin");
        karaf.dropLines("org.apache.karaf.features.cfg", "eventadmin/");

        // The test's own: no fixed ports on a shared machine (the SSH shell cannot run on JDK 25
        // anyway), Maven resolution offline from the build's copy of Mio's artifacts, and where the
        // probe writes its answer.
        karaf.dropLines("org.apache.karaf.features.cfg", "ssh/");
        karaf.dropLines("org.apache.karaf.features.cfg", "management/");
        karaf.append("org.ops4j.pax.url.mvn.cfg", Map.of(
                "org.ops4j.pax.url.mvn.repositories", "",
                "org.ops4j.pax.url.mvn.localRepository", karaf.path("data/repository").toString(),
                "org.ops4j.pax.url.mvn.defaultRepositories",
                "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, "
                        + Path.of(System.getProperty("mio.repository")).toUri() + "@id=mio@snapshots"));
        Path result = work.resolve("probe-result.txt");
        karaf.append("system.properties", Map.of(RoundTripProbe.RESULT, result.toString()));
        Path probe = work.resolve("mio-probe.jar");
        ProbeBundle.write(probe);
        karaf.deploy("mio-itest-features.xml", features(System.getProperty("mio.version"), probe));

        try (ContainerProcess running = karaf.start(Path.of(System.getProperty("java.home")), USER_ENVIRONMENT)) {
            Optional<String> answer = ProbeBundle.awaitAnswer(result, running::isAlive, BOOT_AND_ECHO_LIMIT);
            String log = karaf.log();
            assertEquals("ok epoll", answer.orElse("no answer from the probe within " + BOOT_AND_ECHO_LIMIT
                    + (running.isAlive() ? "" : " (Karaf exited)")), () -> "karaf.log:\n" + log);
            List<String> errors = log.lines().filter(line -> line.contains("| ERROR |")).toList();
            assertEquals(List.of(), errors, "Karaf boots and installs Mio without an error");
            assertEquals("", karaf.console(), "no JDK warning: native access granted as the README says");
        }
        Trees.delete(work); // kept where the test failed, for its logs
    }

    /** Mio's features repository, by its Maven coordinates, and a feature installed at once. */
    private static String features(String version, Path probe) {
        return """
                <features name="mio-itest" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <repository>mvn:io.mio/io.mio.features/%s/xml/features</repository>
                  <feature name="mio-itest" version="1.0.0" install="auto">
                    <feature>mio</feature>
                    <bundle>%s</bundle>
                  </feature>
                </features>
                """.formatted(version, probe.toUri());
    }
}
