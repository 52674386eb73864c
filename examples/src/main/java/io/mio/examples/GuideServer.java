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
import java.time.Duration;

/**
 * The server of mio's getting-started guide: accept connections in a loop until it would block,
 * and drop them. Takes an optional port (default 0: the OS picks one, which is printed).
 */
public final class GuideServer {
    private static final Token SERVER = new Token(0);

    private GuideServer() {}

    /**
     * Runs the server until the process is stopped.
     *
     * @param args an optional port
     * @throws IOException when a socket call fails
     */
    public static void main(String[] args) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", Ports.fromArgs(args, 0));
        // Poll's javadoc shows the lines from here to @end.
        // @start region="event-loop"
        // `Poll` allows for polling of readiness events, and `Events` is filled by it.
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(address)) {
            Events events = Events.withCapacity(128);
            // Register the listener with `Poll`; its events carry the `SERVER` token.
            poll.registry().register(listener, SERVER, Interest.READABLE);
            System.out.println("listening on " + listener.localAddress());

            // Start our event loop.
            while (true) {
                // Poll the OS for events, waiting at most 100 milliseconds.
                poll.poll(events, Duration.ofMillis(100));

                // Process each event.
                for (Event event : events) {
                    if (event.token().equals(SERVER)) {
                        // One or more connections are ready, so we accept them in a loop:
                        // `accept` returns null once it would block, and only then is another
                        // event guaranteed.
                        TcpStream connection;
                        while ((connection = listener.accept()) != null) {
                            System.out.println("Got a connection from: " + connection.peerAddress());
                            connection.close();
                        }
                    }
                }
            }
        }
        // @end
    }
}
