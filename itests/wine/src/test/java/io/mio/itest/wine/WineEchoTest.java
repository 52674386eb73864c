package io.mio.itest.wine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's example, the echo server, served by the Windows backend inside Wine and answering
 * a client of this JVM over loopback: what a user on Windows would run first.
 */
class WineEchoTest {
    private static final Pattern LISTENING = Pattern.compile("echo server listening on /127\\.0\\.0\\.1:(\\d+)");

    @Test
    void theEchoExampleAnswersOverLoopbackUnderWine() throws Exception {
        WineHost host = WineHost.get();
        Process server = host.java("io.mio.examples.EchoServer", List.of(), List.of("0")).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            int port = -1;
            StringBuilder seen = new StringBuilder();
            for (String line; port < 0 && (line = lines.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port = Integer.parseInt(listening.group(1));
                }
            }
            assertTrue(port > 0, () -> "the server said where it listens:\n" + seen);
            try (Socket client = new Socket()) {
                client.setSoTimeout(30_000);
                client.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                byte[] message = "hello from Linux to Mio on Wine".getBytes(StandardCharsets.US_ASCII);
                for (int round = 0; round < 3; round++) {
                    client.getOutputStream().write(message);
                    assertArrayEquals(message, client.getInputStream().readNBytes(message.length), "echoed, round " + round);
                }
            }
            System.out.println("WineEchoTest: the echo example on the Windows backend answered over loopback on port " + port);
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            host.stop();
        }
    }
}
