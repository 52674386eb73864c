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

/** mio's README example, line for line: a server and a client in one event loop. */
public final class TcpServerClient {
    // Some tokens to allow us to identify which event is for which socket.
    private static final Token SERVER = new Token(0);
    private static final Token CLIENT = new Token(1);

    private TcpServerClient() {}

    /**
     * Runs the example.
     *
     * @param args none
     * @throws IOException when a socket call fails
     */
    public static void main(String[] args) throws IOException {
        // Create a poll instance.
        try (Poll poll = Poll.open()) {
            // Create storage for events.
            Events events = Events.withCapacity(128);

            // Setup the server socket.
            InetSocketAddress addr = new InetSocketAddress("127.0.0.1", 13265);
            try (TcpListener server = TcpListener.bind(addr);
                 // Setup the client socket.
                 TcpStream client = TcpStream.connect(addr)) {
                // Start listening for incoming connections.
                poll.registry().register(server, SERVER, Interest.READABLE);
                // Register the socket.
                poll.registry().register(client, CLIENT, Interest.READABLE.add(Interest.WRITABLE));

                // Start an event loop.
                while (true) {
                    // Poll Mio for events, blocking until we get an event.
                    poll.poll(events, null);

                    // Process each event.
                    for (Event event : events) {
                        // We can use the token we previously provided to `register` to
                        // determine for which socket the event is.
                        if (event.token().equals(SERVER)) {
                            // If this is an event for the server, it means a connection
                            // is ready to be accepted.
                            //
                            // Accept the connection and drop it immediately. This will
                            // close the socket and notify the client of the EOF.
                            TcpStream connection = server.accept();
                            if (connection != null) {
                                connection.close();
                            }
                        } else if (event.token().equals(CLIENT)) {
                            if (event.isWritable()) {
                                // We can (likely) write to the socket without blocking.
                                System.out.println("client is writable: connected to " + client.peerAddress());
                            }
                            if (event.isReadable()) {
                                // We can (likely) read from the socket without blocking.
                                System.out.println("client is readable");
                            }
                            // Since the server just shuts down the connection, let's
                            // just exit from our event loop.
                            return;
                        } else {
                            // We don't expect any events with tokens other than those we provided.
                            throw new IllegalStateException("unexpected event " + event);
                        }
                    }
                }
            }
        }
    }
}
