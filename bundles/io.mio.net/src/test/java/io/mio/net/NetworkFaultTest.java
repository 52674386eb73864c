package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mio over a real, faulty link: two network namespaces joined by a veth pair, made by the test
 * (CI runs as root), so no packet leaves the machine. The link's sending side queues at most a
 * few packets behind a rate limit (tbf), so TCP overruns it and loses packets; an address whose
 * link-layer neighbour does not exist swallows every packet sent to it. Where namespaces cannot
 * be made (no root, no {@code ip}), the tests say so and are skipped.
 *
 * <p>This kernel has no {@code sch_netem}, so random loss and reordering cannot be injected; the
 * losses here are the tail drops of a full queue, which TCP must recover from just the same.
 */
class NetworkFaultTest {
    private static final String A = "mio-a-" + ProcessHandle.current().pid();
    private static final String B = "mio-b-" + ProcessHandle.current().pid();
    private static final String ADDRESS_A = "10.213.0.1";
    private static final String ADDRESS_B = "10.213.0.2";
    /** In A's subnet, with a neighbour entry pointing at a MAC address nobody has. */
    private static final String BLACK_HOLE = "10.213.0.5";
    private static final int MEGABYTES = 10;

    private static String unavailable;

    @BeforeAll
    static void makeNamespaces() throws Exception {
        try {
            run("ip", "netns", "add", A);
            run("ip", "netns", "add", B);
            run("ip", "link", "add", "va", "netns", A, "type", "veth", "peer", "name", "vb", "netns", B);
            run("ip", "-n", A, "addr", "add", ADDRESS_A + "/29", "dev", "va");
            run("ip", "-n", B, "addr", "add", ADDRESS_B + "/29", "dev", "vb");
            for (String[] end : new String[][] {{A, "va"}, {B, "vb"}}) {
                run("ip", "-n", end[0], "link", "set", "lo", "up");
                run("ip", "-n", end[0], "link", "set", end[1], "up");
            }
            run("ip", "-n", A, "neigh", "add", BLACK_HOLE, "lladdr", "02:00:00:00:00:99", "dev", "va", "nud", "permanent");
            // 100 Mbit/s with a 32 KB queue: TCP's window outgrows it at once, and one packet in
            // five or so is dropped (measured and printed by the transfer test).
            run("tc", "-n", A, "qdisc", "add", "dev", "va", "root", "tbf", "rate", "100mbit", "burst", "16kb", "limit", "32kb");
        } catch (IOException | AssertionError e) {
            unavailable = "network namespaces cannot be made here: " + e.getMessage();
        }
    }

    @AfterAll
    static void removeNamespaces() throws Exception {
        for (String namespace : new String[] {A, B}) {
            new ProcessBuilder("ip", "netns", "del", namespace).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tenMegabytesArriveIntactThroughALinkThatDropsPackets() throws Exception {
        WineDivergence.PEERS_IN_LINUX_NAMESPACES.skipUnderWine();
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        Process sink = peer(B, "sink", ADDRESS_B, "7001");
        try {
            String ready = new String(sink.getInputStream().readNBytes(6), StandardCharsets.US_ASCII);
            assertEquals("ready\n", ready, "the sink starts");
            long bytes = MEGABYTES * 1024L * 1024L;
            List<String> sent = runPeer(A, "send", ADDRESS_B, "7001", String.valueOf(bytes), "42");
            assertTrue(sent.stream().anyMatch(line -> line.startsWith("intact " + bytes)), sent::toString);
        } finally {
            sink.destroyForcibly();
        }
        String stats = String.join(" ", run("tc", "-s", "-n", A, "qdisc", "show", "dev", "va"));
        Matcher counts = Pattern.compile("Sent \\d+ bytes (\\d+) pkt \\(dropped (\\d+)").matcher(stats);
        assertTrue(counts.find(), stats);
        long packets = Long.parseLong(counts.group(1));
        long dropped = Long.parseLong(counts.group(2));
        System.out.printf("NetworkFaultTest: %d MB intact; the link dropped %d of %d packets (%.1f%%)%n",
                MEGABYTES, dropped, packets + dropped, 100.0 * dropped / (packets + dropped));
        assertTrue(dropped > 0, "the link must actually have lost packets: " + stats);
    }

    @Test
    void aConnectToAnAddressThatDropsPacketsStaysPendingUntilTheUserGivesUp() throws Exception {
        WineDivergence.PEERS_IN_LINUX_NAMESPACES.skipUnderWine();
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        List<String> output = runPeer(A, "pending", BLACK_HOLE, "7002", "1500");
        assertTrue(output.contains("pending events=0 error=none peer=not connected closed=true"), output::toString);
    }

    private static Process peer(String namespace, String... args) throws IOException {
        Path program = Path.of(System.getProperty("basedir", "."), "src", "test", "clients", "NetPeer.java");
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath(), program.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> runPeer(String namespace, String... args) throws Exception {
        Process process = peer(namespace, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the peer finishes");
        List<String> lines = output.lines().toList();
        assertEquals(0, process.exitValue(), lines::toString);
        return lines;
    }

    /** Mio's classes as this JVM found them, on the module path or the class path. */
    private static String classPath() {
        List<String> parts = new ArrayList<>();
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                parts.add(value);
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " cannot run: " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output.lines().toList();
    }
}
