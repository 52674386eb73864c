package io.mio.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples do what the README says they do, against the real OS. */
class ExamplesTest {
    @Test
    void theEchoServerAnswersClientsOnLoopback() throws Exception {
        try (EchoServer server = EchoServer.open(new InetSocketAddress("127.0.0.1", 0))) {
            Thread serving = Thread.ofPlatform().start(() -> {
                try {
                    server.run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (Socket a = client(server); Socket b = client(server)) {
                for (int round = 0; round < 100; round++) {
                    byte[] message = ("hello mio " + round).getBytes(StandardCharsets.US_ASCII);
                    a.getOutputStream().write(message);
                    b.getOutputStream().write(message);
                    assertArrayEquals(message, readExactly(a, message.length));
                    assertArrayEquals(message, readExactly(b, message.length));
                }
                byte[] large = new byte[1 << 20]; // more than a socket buffer: partial writes resume
                for (int i = 0; i < large.length; i++) {
                    large[i] = (byte) (i * 31);
                }
                Thread writer = Thread.ofPlatform().start(() -> {
                    try {
                        a.getOutputStream().write(large);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertArrayEquals(large, readExactly(a, large.length));
                writer.join();
            }
            server.stop();
            serving.join(10_000);
            assertFalse(serving.isAlive(), "stop() ends run()");
        }
    }

    @Test
    void theReadmeExampleRunsToItsEnd() throws Exception {
        Thread example = Thread.ofPlatform().start(() -> {
            try {
                TcpServerClient.main(new String[0]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        example.join(10_000);
        assertFalse(example.isAlive(), "the example's event loop returns once the client is connected");
    }

    private static Socket client(EchoServer server) throws IOException {
        Socket socket = new Socket(server.localAddress().getAddress(), server.localAddress().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] readExactly(Socket socket, int length) throws IOException {
        byte[] got = new byte[length];
        new DataInputStream(socket.getInputStream()).readFully(got);
        return got;
    }
}
