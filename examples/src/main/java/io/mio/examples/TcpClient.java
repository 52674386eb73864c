package io.mio.examples;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A TCP client on a Poll: connects without blocking, sends a few lines, and prints what the
 * server sends back.
 *
 * <p>It follows mio's recipe for a non-blocking connect: register for writable, and on the first
 * writable event ask the socket whether the connect failed ({@link TcpStream#takeError()}) before
 * using it. Reads drain to would-block; writes keep what the socket did not take.
 *
 * <p>{@code -Dexample=TcpClient} talks to the {@link EchoServer} on port 9000 if one is given as
 * {@code -Dexample.args=9000}; with no argument it starts one of its own on a free port first,
 * so that the one command shows the whole exchange.
 */
public final class TcpClient {
    private static final Token CLIENT = new Token(1);

    private TcpClient() {}

    /**
     * Sends {@code message} to {@code server} and returns the answer, once as many bytes came back
     * as were sent.
     *
     * @param server the server's address
     * @param message the bytes to send
     * @param patience how long to wait for the whole answer
     * @return the answer
     * @throws IOException when the connection fails, or the answer does not come in time
     */
    public static String exchange(InetSocketAddress server, String message, Duration patience) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer toSend = ByteBuffer.wrap(bytes);
        ByteBuffer received = ByteBuffer.allocate(bytes.length);
        long deadline = System.nanoTime() + patience.toNanos();
        try (Poll poll = Poll.open(); TcpStream stream = TcpStream.connect(server)) {
            poll.registry().register(stream, CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            Events events = Events.withCapacity(4);
            boolean connected = false;
            while (received.hasRemaining()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no full answer from " + server + " within " + patience);
                }
                poll.poll(events, Duration.ofNanos(left));
                for (Event event : events) {
                    // TcpStream's javadoc shows the lines from here to @end.
                    // @start region="connect"
                    if (!connected && (event.isWritable() || event.isError())) {
                        var failure = stream.takeError(); // the connect's outcome
                        if (failure.isPresent()) {
                            throw failure.get();
                        }
                        connected = true;
                    }
                    // @end
                    if (connected) {
                        while (toSend.hasRemaining() && stream.write(toSend) > 0) {
                            // until everything is sent or the socket would block
                        }
                    }
                    if (event.isReadable()) {
                        int n;
                        while (received.hasRemaining() && (n = stream.read(received)) != 0) {
                            if (n < 0) {
                                throw new IOException("the server closed the connection early");
                            }
                        }
                    }
                }
            }
        }
        return new String(received.array(), StandardCharsets.UTF_8);
    }

    /**
     * Sends three lines to an echo server and prints the answer.
     *
     * @param args an optional port of a running echo server; without one, an echo server is
     *     started in this process
     * @throws IOException when the exchange fails
     */
    public static void main(String[] args) throws IOException {
        String message = "hello\nfrom a Mio\nTCP client\n";
        if (args.length > 0 && !args[0].isBlank()) {
            print(exchange(new InetSocketAddress("127.0.0.1", Ports.fromArgs(args, 9000)), message, Duration.ofSeconds(10)));
            return;
        }
        try (EchoServer server = EchoServer.open(new InetSocketAddress("127.0.0.1", 0))) {
            Thread serving = Thread.ofPlatform().name("echo-server").start(() -> {
                try {
                    server.run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            print(exchange(server.localAddress(), message, Duration.ofSeconds(10)));
            server.stop();
            try {
                serving.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void print(String answer) {
        System.out.print("the server answered:\n" + answer);
    }
}
