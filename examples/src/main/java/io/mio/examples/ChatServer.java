package io.mio.examples;

import io.mio.Event;
import io.mio.Interest;
import io.mio.Token;
import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A small multi-client chat server: it greets each client with its number, and every line a
 * client sends goes to every other client, prefixed with the sender's number. One thread, one
 * Poll.
 *
 * <p>It shows the three habits an edge-triggered loop needs: accept until would-block; read until
 * would-block; and for writing, keep what the socket did not take and send it on the next
 * writable event — each connection is registered for both once, so no reregistering per write.
 * A client that falls 64 KiB behind is disconnected rather than buffered without bound.
 *
 * <p>Try it: {@code ./mvnw25 -q -pl examples -am package exec:exec -DskipTests
 * -Dexample=ChatServer}, then {@code nc 127.0.0.1 9002} in two other terminals.
 */
public final class ChatServer extends EventLoop {
    private static final Token LISTENER = new Token(0);
    private static final int OUTBOX_SIZE = 64 * 1024;

    private final TcpListener listener;
    private final Map<Long, Client> clients = new HashMap<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(4096);
    private long nextId = 1;

    /** One connection: the bytes of its unfinished line, and those waiting to be written to it. */
    private static final class Client {
        final long id;
        final TcpStream stream;
        final ByteBuffer line = ByteBuffer.allocate(1024);
        final ByteBuffer outbox = ByteBuffer.allocate(OUTBOX_SIZE); // kept in write mode

        Client(long id, TcpStream stream) {
            this.id = id;
            this.stream = stream;
        }
    }

    private ChatServer(TcpListener listener) throws IOException {
        super(listener, LISTENER, Interest.READABLE);
        this.listener = listener;
    }

    /**
     * Binds the server; {@link #run()} serves.
     *
     * @param address where to listen; port 0 lets the OS choose
     * @return the server
     * @throws IOException when the address cannot be bound
     */
    public static ChatServer open(InetSocketAddress address) throws IOException {
        return around(TcpListener.bind(address), ChatServer::new);
    }

    /**
     * The address the server listens on.
     *
     * @return the bound address
     * @throws IOException when the OS refuses
     */
    public InetSocketAddress localAddress() throws IOException {
        return listener.localAddress();
    }

    /**
     * Serves until the process is stopped.
     *
     * @param args an optional port (default 9002)
     * @throws IOException when the listener fails
     */
    public static void main(String[] args) throws IOException {
        try (ChatServer server = open(new InetSocketAddress("127.0.0.1", Ports.fromArgs(args, 9002)))) {
            System.out.println("chat server listening on " + server.localAddress());
            server.run();
        }
    }

    @Override
    void handle(Event event) throws IOException {
        if (event.token().equals(LISTENER)) {
            // TcpListener's javadoc shows the lines from here to @end.
            // @start region="accept-loop"
            TcpStream stream;
            while ((stream = listener.accept()) != null) { // until would-block: one event, many clients
                Client client = new Client(nextId++, stream);
                clients.put(client.id, client);
                stream.register(poll.registry(), new Token(client.id), Interest.READABLE.add(Interest.WRITABLE));
                client.outbox.put(("welcome, you are [" + client.id + "]\n").getBytes(StandardCharsets.US_ASCII));
                if (!flush(client)) {
                    disconnect(client);
                }
            }
            // @end
            return;
        }
        Client client = clients.get(event.token().value());
        if (client == null) {
            return; // disconnected earlier in this batch of events
        }
        if (event.isWritable() && !flush(client)) {
            disconnect(client);
            return;
        }
        if (event.isReadable() && !readLines(client)) {
            disconnect(client);
        }
    }

    /** Reads until would-block, passing on each complete line; false once the client is gone. */
    private boolean readLines(Client client) {
        try {
            int n;
            while ((n = client.stream.read(readBuffer.clear())) > 0) {
                readBuffer.flip();
                while (readBuffer.hasRemaining()) {
                    byte b = readBuffer.get();
                    if (client.line.hasRemaining()) {
                        client.line.put(b);
                    }
                    if (b == '\n') {
                        broadcast(client, client.line.flip());
                        client.line.clear();
                    }
                }
            }
            return n == 0; // 0: would block, the line continues next time; -1: the client left
        } catch (IOException e) {
            return false;
        }
    }

    private void broadcast(Client from, ByteBuffer line) {
        byte[] prefix = ("[" + from.id + "] ").getBytes(StandardCharsets.US_ASCII);
        for (Client to : clients.values().toArray(Client[]::new)) {
            if (to == from) {
                continue;
            }
            if (to.outbox.remaining() < prefix.length + line.remaining()) {
                disconnect(to); // too far behind
                continue;
            }
            to.outbox.put(prefix).put(line.duplicate());
            if (!flush(to)) {
                disconnect(to);
            }
        }
    }

    /** Writes the outbox until it is empty or the socket would block; false on error. */
    private boolean flush(Client client) {
        ByteBuffer outbox = client.outbox.flip();
        try {
            while (outbox.hasRemaining() && client.stream.write(outbox) > 0) {
                // keep writing: a writable event comes again only after a write would block
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            outbox.compact();
        }
    }

    private void disconnect(Client client) {
        clients.remove(client.id);
        client.stream.close(); // closing also ends the registration
    }

    @Override
    void closeSources() {
        clients.values().forEach(client -> client.stream.close());
        listener.close();
    }
}
