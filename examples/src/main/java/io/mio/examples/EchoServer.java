package io.mio.examples;

import io.mio.Event;
import io.mio.Interest;
import io.mio.Token;
import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A one-thread TCP echo server, written the way mio is meant to be used: every connection is
 * registered once for reading and writing (edge-triggered, so writable events only come when
 * a full socket drains), each event is pumped until the socket would block, and a connection's
 * token is its index in an array. After warm-up it allocates nothing per event.
 *
 * <p>Takes the port as its argument (default 9000). This is the server the echo benchmark runs.
 */
public final class EchoServer extends EventLoop {
    private static final Token SERVER = new Token(0);
    
    private final TcpListener listener;
    /** Shared by every connection: bytes only stay in it within one pump. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(EchoConnection.BUFFER_SIZE);
    private EchoConnection[] connections = new EchoConnection[1024];
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int used = 1; // slot 0 is the listener's token

    private EchoServer(TcpListener listener) throws IOException {
        super(listener, SERVER, Interest.READABLE);
        this.listener = listener;
    }

    /**
     * Opens the server; {@link #run()} serves.
     *
     * @param address where to listen; port 0 lets the OS choose
     * @return the server
     * @throws IOException when the address cannot be bound
     */
    public static EchoServer open(InetSocketAddress address) throws IOException {
        return around(TcpListener.bind(address, 4096), EchoServer::new);
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
     * Runs the server until the process is stopped.
     *
     * @param args an optional port
     * @throws IOException when the listener fails
     */
    public static void main(String[] args) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", Ports.fromArgs(args, 9000));
        try (EchoServer server = open(address)) {
            System.out.println("echo server listening on " + server.localAddress());
            server.run();
        }
    }

    @Override
    void handle(Event event) throws IOException {
        int slot = (int) event.token().value();
        if (slot == 0) {
            acceptAll();
        } else {
            EchoConnection connection = connections[slot];
            if (connection != null && !connection.pump(buffer)) {
                close(slot);
            }
        }
    }

    private void acceptAll() throws IOException {
        TcpStream stream;
        while ((stream = listener.accept()) != null) {
            stream.setNoDelay(true);
            int slot = takeSlot();
            connections[slot] = new EchoConnection(stream);
            poll.registry().register(stream, new Token(slot), Interest.READABLE.add(Interest.WRITABLE));
        }
    }

    private int takeSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (used == connections.length) {
            connections = Arrays.copyOf(connections, used * 2);
        }
        return used++;
    }

    @Override
    void closeSources() {
        for (EchoConnection connection : connections) {
            if (connection != null) {
                connection.stream.close();
            }
        }
        listener.close();
    }

    private void close(int slot) {
        connections[slot].stream.close();
        connections[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeCount * 2));
        }
        freeSlots[freeCount++] = slot;
    }
}
