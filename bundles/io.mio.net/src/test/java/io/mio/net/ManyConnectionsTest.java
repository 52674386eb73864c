package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Poll;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Load: 10,000 concurrent TCP connections on one Poll, each echoing, with no lost event and no
 * stall. The client ends live in a child JVM, so that neither process needs more than the
 * 20,000 descriptors this kind of machine allows one process (10,000 ends each, plus the JVM's own);
 * no privilege is needed to raise a limit.
 */
class ManyConnectionsTest {
    private static final int CONNECTIONS = 10_000;
    private static final int ROUNDS = 5;

    @Test
    void tenThousandConnectionsEchoOnOnePoll() throws Exception {
        WineDivergence.TEN_THOUSAND_SOCKETS_SWAMP_WINESERVER.skipUnderWine();
        try (Poll poll = Poll.open();
             TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0), 4096)) {
            EchoLoop loop = new EchoLoop(poll, listener, CONNECTIONS);
            Path clients = Path.of(System.getProperty("basedir", "."), "src", "test", "clients", "LoadClients.java");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    clients.toString(), String.valueOf(listener.localAddress().getPort()),
                    String.valueOf(CONNECTIONS), String.valueOf(ROUNDS))
                    .redirectErrorStream(true).start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (java.io.IOException e) {
                    output.add("reading the child's output failed: " + e);
                }
            });
            try {
                // Serve until the clients' JVM has finished (a stall fails inside runUntil).
                loop.runUntil(() -> child.isAlive() ? 0 : 1, 1, Duration.ofMinutes(4));
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
                reader.join(10_000);
                loop.closeAll();
            }
            assertEquals(0, child.exitValue(), () -> String.join("\n", output));
            assertEquals(CONNECTIONS, loop.accepted(), "every connection accepted");
            assertTrue(output.contains("echoed " + (long) CONNECTIONS * ROUNDS), () -> String.join("\n", output));
        }
    }
}
