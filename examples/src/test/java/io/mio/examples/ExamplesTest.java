package io.mio.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mio.net.TcpListener;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The examples do what the README says they do, against the real OS. */
class ExamplesTest {
    @Test
    void theEchoServerAnswersClientsOnLoopback() throws Exception {
        try (EchoServer server = EchoServer.open(new InetSocketAddress("127.0.0.1", 0))) {
            Thread serving = onAThread(server::run);
            assertEchoes(server.localAddress());
            server.stop();
            serving.join(10_000);
            assertFalse(serving.isAlive(), "stop() ends run()");
        }
    }

    @Test
    void theGuidesEchoServerAnswersClientsOnLoopback() throws Exception {
        try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0))) {
            Thread serving = onAThread(() -> GuideEchoServer.serve(listener));
            assertEchoes(listener.localAddress());
            serving.interrupt();
            serving.join(10_000);
            assertFalse(serving.isAlive(), "an interrupt ends serve() within its poll timeout");
        }
    }

    /** Two clients, a hundred rounds each, then a megabyte: partial writes must resume. */
    private static void assertEchoes(InetSocketAddress server) throws Exception {
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
            Thread writer = onAThread(() -> a.getOutputStream().write(large));
            assertArrayEquals(large, readExactly(a, large.length));
            writer.join();
        }
    }

    @Test
    void theReadmeExampleRunsToItsEnd() throws Exception {
        Thread example = onAThread(() -> TcpServerClient.main(new String[0]));
        example.join(10_000);
        assertFalse(example.isAlive(), "the example's event loop returns once the client is connected");
    }

    private static Socket client(InetSocketAddress address) throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Runs {@code action} on a platform thread of its own, where an IOException fails it unchecked. */
    private static Thread onAThread(IoAction action) {
        return Thread.ofPlatform().start(() -> {
            try {
                action.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** What {@link #onAThread} runs. */
    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** Runs a server's loop on its own thread; closing the handle stops it and waits. */
    private static AutoCloseable serve(EventLoop server) {
        Thread serving = onAThread(server::run);
        return () -> {
            server.stop();
            serving.join(10_000);
            assertFalse(serving.isAlive(), "stop() ends run()");
        };
    }

    @Test
    void theUdpEchoServerSendsEveryDatagramBack() throws Exception {
        try (UdpEchoServer server = UdpEchoServer.open(new InetSocketAddress("127.0.0.1", 0));
                AutoCloseable running = serve(server);
                DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            client.setSoTimeout(10_000);
            for (int i = 0; i < 20; i++) {
                byte[] message = ("datagram " + i).getBytes(StandardCharsets.US_ASCII);
                client.send(new DatagramPacket(message, message.length, server.localAddress()));
                DatagramPacket answer = new DatagramPacket(new byte[64], 64);
                client.receive(answer);
                assertArrayEquals(message, Arrays.copyOf(answer.getData(), answer.getLength()));
            }
        }
    }

    @Test
    void theChatServerPassesEachLineToTheOtherClients() throws Exception {
        try (ChatServer server = ChatServer.open(new InetSocketAddress("127.0.0.1", 0)); AutoCloseable running = serve(server);
                Socket alice = client(server.localAddress())) {
            awaitAccepted(alice, 1);
            try (Socket bob = client(server.localAddress())) {
                awaitAccepted(bob, 2);
                try (Socket carol = client(server.localAddress())) {
                    awaitAccepted(carol, 3);
                    alice.getOutputStream().write("hi all\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] expected = "[1] hi all\n".getBytes(StandardCharsets.US_ASCII);
                    assertArrayEquals(expected, readExactly(bob, expected.length));
                    assertArrayEquals(expected, readExactly(carol, expected.length));
                    bob.getOutputStream().write("hel".getBytes(StandardCharsets.US_ASCII));
                    bob.getOutputStream().flush();
                    Thread.sleep(50); // a line split across reads is joined before it is passed on
                    bob.getOutputStream().write("lo\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] fromBob = "[2] hello\n".getBytes(StandardCharsets.US_ASCII);
                    assertArrayEquals(fromBob, readExactly(alice, fromBob.length));
                    assertArrayEquals(fromBob, readExactly(carol, fromBob.length));
                }
            }
        }
    }

    /** Reads the server's greeting: from then on the client is in the chat. */
    private static void awaitAccepted(Socket socket, int id) throws IOException {
        byte[] welcome = ("welcome, you are [" + id + "]\n").getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(welcome, readExactly(socket, welcome.length));
    }

    @Test
    void theTcpClientGetsItsLinesBackFromTheEchoServer() throws Exception {
        try (EchoServer server = EchoServer.open(new InetSocketAddress("127.0.0.1", 0)); AutoCloseable running = serve(server)) {
            String message = "one\ntwo\nthree\n".repeat(1000);
            assertEquals(message, TcpClient.exchange(server.localAddress(), message, java.time.Duration.ofSeconds(10)));
        }
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", closed.getLocalPort());
            closed.close();
            assertThrows(java.net.ConnectException.class,
                    () -> TcpClient.exchange(nobody, "x", java.time.Duration.ofSeconds(10)), "a refused connect is reported");
        }
    }

    private static byte[] readExactly(Socket socket, int length) throws IOException {
        byte[] got = new byte[length];
        new DataInputStream(socket.getInputStream()).readFully(got);
        return got;
    }
}
