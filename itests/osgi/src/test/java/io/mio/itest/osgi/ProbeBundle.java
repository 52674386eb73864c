package io.mio.itest.osgi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The test side of {@link RoundTripProbe}: the bundle a container itest deploys, and the wait for
 * the answer the probe writes. Shared by the Karaf test and the feature launcher's (itests/feature).
 */
public final class ProbeBundle {
    /** The probe's symbolic name and version, as a feature or a repository names it. */
    public static final String SYMBOLIC_NAME = "io.mio.itest.probe";
    public static final String VERSION = "1.0.0";

    private ProbeBundle() {}

    /** Writes the probe bundle: its activator, the echo, and the imports they need. */
    public static void write(Path jar) throws Exception {
        Files.createDirectories(jar.getParent());
        Bundles.write(jar, SYMBOLIC_NAME, List.of(RoundTripProbe.class, EchoRoundTrip.class),
                "Bundle-Version", VERSION,
                "Bundle-Activator", RoundTripProbe.class.getName(),
                "Import-Package", "io.mio, io.mio.event, io.mio.net, jdk.net, org.osgi.framework, org.osgi.util.tracker");
    }

    /**
     * The probe's answer once the file is there; empty where the container stopped or the limit
     * passed first.
     */
    public static Optional<String> awaitAnswer(Path result, BooleanSupplier containerAlive, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(result) && containerAlive.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        return Files.exists(result) ? Optional.of(Files.readString(result, StandardCharsets.UTF_8)) : Optional.empty();
    }
}
