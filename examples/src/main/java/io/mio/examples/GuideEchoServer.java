package io.mio.examples;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The guide's echo server: every connection pumped until it would block, on one thread. */
public final class GuideEchoServer {
    /** The listener's token; connections get 1, 2, 3 ... */
    private static final Token SERVER = new Token(0);

    private GuideEchoServer() {}

    /**
     * Echoes on 127.0.0.1 until the process is stopped.
     *
     * @param args an optional port (default 9000; 0 lets the OS choose)
     * @throws IOException when a socket call fails
     */
    public static void main(String[] args) throws IOException {
        // The port, if given (the README's Maven command passes an empty argument otherwise).
        int port = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 9000;
        try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", port))) {
            System.out.println("echo server listening on " + listener.localAddress());
            serve(listener);
        }
    }

    /**
     * Echoes every connection the listener accepts until this thread is interrupted (which
     * does not wake a poll: the loop sees it within its 100 ms timeout).
     *
     * @param listener where connections come from
     * @throws IOException when a Poll or the listener fails
     */
    static void serve(TcpListener listener) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(EchoConnection.BUFFER_SIZE);
        Map<Token, EchoConnection> connections = new HashMap<>();
        long nextToken = 1;
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(128);
            poll.registry().register(listener, SERVER, Interest.READABLE);
            while (!Thread.currentThread().isInterrupted()) {
                poll.poll(events, Duration.ofMillis(100));
                for (Event event : events) {
                    if (event.token().equals(SERVER)) {
                        TcpStream stream;
                        while ((stream = listener.accept()) != null) { // until it would block
                            Token token = new Token(nextToken++);
                            // Readable and writable, once: a writable event comes only when a
                            // full socket drains, which is when pump has bytes left to write.
                            poll.registry().register(stream, token, Interest.READABLE.add(Interest.WRITABLE));
                            connections.put(token, new EchoConnection(stream));
                        }
                    } else {
                        EchoConnection connection = connections.get(event.token());
                        if (connection != null && !connection.pump(buffer)) {
                            connections.remove(event.token()).stream.close(); // ends its registration too
                        }
                    }
                }
            }
        } finally {
            connections.values().forEach(connection -> connection.stream.close());
        }
    }
}
