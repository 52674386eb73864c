package io.mio.itest.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An Apache Karaf distribution unpacked for one test run, the edits made to its {@code etc}
 * files, and the Karaf process started from it with {@code bin/karaf server} — the way a user
 * runs Karaf, so that what the test changes is what the README tells a user to change.
 */
final class KarafHome {
    private final Path home;

    private KarafHome(Path home) {
        this.home = home;
    }

    /** Unpacks the distribution's tar.gz into an empty {@code into}, with tar as a user would. */
    static KarafHome unpack(Path archive, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(2, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new IOException("tar could not unpack " + archive + ": " + output);
        }
        try (Stream<Path> entries = Files.list(into)) {
            return new KarafHome(entries.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException(archive + " holds no directory")));
        }
    }

    Path path(String relative) {
        return home.resolve(relative);
    }

    /** Drops every line of an {@code etc} file that contains {@code text}; fails where none does. */
    void dropLines(String etcFile, String text) throws IOException {
        Path file = path("etc/" + etcFile);
        List<String> lines = Files.readAllLines(file);
        List<String> kept = new ArrayList<>(lines.stream().filter(line -> !line.contains(text)).toList());
        if (kept.size() == lines.size()) {
            throw new IllegalStateException(etcFile + " has no line with " + text + ": Karaf changed, and so must the README");
        }
        Files.write(file, kept);
    }

    /** Sets properties in an {@code etc} file; a later definition wins in Karaf's property files. */
    void append(String etcFile, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder(System.lineSeparator());
        properties.forEach((key, value) -> text.append(key).append(" = ").append(value).append(System.lineSeparator()));
        Files.writeString(path("etc/" + etcFile), text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Drops a file into {@code deploy/}, where Karaf's file install picks it up. */
    void deploy(String name, String content) throws IOException {
        Files.writeString(path("deploy/" + name), content, StandardCharsets.UTF_8);
    }

    /** Starts {@code bin/karaf server} on the given JDK with the environment a user would set. */
    ContainerProcess start(Path javaHome, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", path("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(path("console.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().putAll(environment);
        return ContainerProcess.start(builder);
    }

    /** The log Karaf writes, for a failing test to show. */
    String log() throws IOException {
        Path log = path("data/log/karaf.log");
        return Files.isRegularFile(log) ? Files.readString(log) : "(no " + log + ")";
    }

    /** What the Karaf JVM printed: JDK warnings, native access among them, land here. */
    String console() throws IOException {
        return Files.readString(path("console.log"));
    }
}
