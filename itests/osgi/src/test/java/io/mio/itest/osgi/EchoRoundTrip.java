package io.mio.itest.osgi;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.PollProvider;
import io.mio.Token;
import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import jdk.net.ExtendedSocketOptions;

/**
 * One TCP echo over loopback, as every container itest runs it inside its framework: Mio serves
 * on the calling thread through a {@link Poll} from the {@link PollProvider} service, a blocking
 * {@code java.net} client on another thread sends a message and reads it back. Plain Java and
 * Mio's exports only, so the Karaf probe bundle can carry this class too.
 */
public final class EchoRoundTrip {
    private static final Token LISTENER = new Token(0);
    private static final Token SERVER = new Token(1);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private EchoRoundTrip() {}

    /** Echoes one message; fails with the reason where the client did not get it back whole. */
    public static void run(PollProvider polls, String text) throws Exception {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        try (Poll poll = polls.open(); TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0))) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            InetSocketAddress address = listener.localAddress();
            byte[][] echoed = new byte[1][];
            Thread client = new Thread(() -> {
                try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
                    socket.setSoTimeout((int) LIMIT.toMillis());
                    OutputStream out = socket.getOutputStream();
                    out.write(message);
                    byte[] back = new byte[message.length];
                    new DataInputStream(socket.getInputStream()).readFully(back);
                    echoed[0] = back;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "echo-client");
            client.start();
            serveUntilDone(poll, listener, client);
            if (!Arrays.equals(message, echoed[0])) {
                throw new AssertionError("sent \"" + text + "\", got back "
                        + (echoed[0] == null ? "nothing" : "\"" + new String(echoed[0], StandardCharsets.UTF_8) + "\""));
            }
        }
    }

    /**
     * Tunes keep-alive with {@code jdk.net}'s option, which io.mio.net imports optionally: it
     * works only where the framework exports {@code jdk.net} and wired it to io.mio.net too.
     */
    private static void keepAliveTuned(TcpStream stream) throws IOException {
        stream.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 30);
        int idle = stream.getOption(ExtendedSocketOptions.TCP_KEEPIDLE);
        if (idle != 30) {
            throw new AssertionError("TCP_KEEPIDLE set to 30 reads back as " + idle);
        }
    }

    /** Echoes with Mio on this thread until the blocking client thread has its answer. */
    private static void serveUntilDone(Poll poll, TcpListener listener, Thread client) throws Exception {
        Events events = Events.withCapacity(8);
        ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
        TcpStream server = null;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            while (client.isAlive() && System.nanoTime() < deadline) {
                poll.poll(events, Duration.ofMillis(50));
                for (Event event : events) {
                    if (event.token().equals(LISTENER) && server == null && (server = listener.accept()) != null) {
                        keepAliveTuned(server);
                        poll.registry().register(server, SERVER, Interest.READABLE);
                    } else if (event.token().equals(SERVER)) {
                        while (server.read(buffer.clear()) > 0) {
                            server.write(buffer.flip());
                        }
                    }
                }
            }
            client.join(1_000);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
