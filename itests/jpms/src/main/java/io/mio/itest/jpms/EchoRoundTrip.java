package io.mio.itest.jpms;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.PollProvider;
import io.mio.Token;
import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ServiceLoader;

/**
 * One TCP echo round trip on one Poll, found as a service: a listener accepts, the server side
 * echoes what it reads, the client reads it back. Run as a program, it prints what came back.
 */
public final class EchoRoundTrip {
    private static final Token LISTENER = new Token(0);
    private static final Token CLIENT = new Token(1);
    private static final Token SERVER = new Token(2);

    private EchoRoundTrip() {}

    /**
     * Runs the round trip.
     *
     * @param args an optional message
     * @throws IOException when a socket call fails
     */
    public static void main(String[] args) throws IOException {
        byte[] message = (args.length > 0 ? args[0] : "hello from the module path").getBytes(StandardCharsets.UTF_8);
        PollProvider provider = ServiceLoader.load(PollProvider.class).findFirst().orElseThrow();
        System.out.println("echoed: " + new String(roundTrip(provider, message), StandardCharsets.UTF_8)
                + " (backend " + provider.backend() + ")");
    }

    /**
     * Echoes {@code message} over loopback TCP through one Poll, bounded to ten seconds.
     *
     * @param provider where to get the Poll
     * @param message the bytes to send
     * @return the bytes that came back
     * @throws IOException when a socket call fails or the round trip does not complete in time
     */
    public static byte[] roundTrip(PollProvider provider, byte[] message) throws IOException {
        try (Poll poll = provider.open();
             TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0));
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            poll.registry().register(client, CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            Events events = Events.withCapacity(16);
            ByteBuffer toSend = ByteBuffer.wrap(message);
            ByteBuffer echoed = ByteBuffer.allocate(message.length);
            ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
            TcpStream server = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                while (echoed.hasRemaining()) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the round trip did not complete in 10 s");
                    }
                    poll.poll(events, Duration.ofMillis(100));
                    for (Event event : events) {
                        if (event.token().equals(LISTENER) && server == null) {
                            server = listener.accept();
                            if (server != null) {
                                poll.registry().register(server, SERVER, Interest.READABLE);
                            }
                        } else if (event.token().equals(SERVER)) {
                            while (server.read(buffer.clear()) > 0) {
                                server.write(buffer.flip());
                            }
                        } else if (event.token().equals(CLIENT)) {
                            if (toSend.hasRemaining()) {
                                client.write(toSend);
                            }
                            while (client.read(echoed) > 0 && echoed.hasRemaining()) {
                                // keep reading until it would block or all came back
                            }
                        }
                    }
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
            return echoed.array();
        }
    }
}
