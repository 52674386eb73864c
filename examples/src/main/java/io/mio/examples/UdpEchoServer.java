package io.mio.examples;

import io.mio.Event;
import io.mio.Interest;
import io.mio.Token;
import io.mio.net.Datagram;
import io.mio.net.UdpSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * mio's {@code udp_server} example: a UDP socket that sends every datagram back to its sender.
 *
 * <p>Each readable event is drained: datagrams are received until the socket would block, as
 * edge-triggered readiness requires. A reply that would block is dropped, as UDP may drop any
 * datagram; a real server would queue it and register for {@link Interest#WRITABLE}.
 *
 * <p>Try it: {@code ./mvnw25 -q -pl examples -am package exec:exec -DskipTests
 * -Dexample=UdpEchoServer}, then {@code nc -u 127.0.0.1 9001} in another terminal.
 */
public final class UdpEchoServer extends EventLoop {
    private static final Token SOCKET = new Token(0);

    private final UdpSocket socket;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65_536); // the largest UDP payload fits

    private UdpEchoServer(UdpSocket socket) throws IOException {
        super(socket, SOCKET, Interest.READABLE);
        this.socket = socket;
    }

    /**
     * Binds the server; {@link #run()} serves.
     *
     * @param address where to listen; port 0 lets the OS choose
     * @return the server
     * @throws IOException when the address cannot be bound
     */
    public static UdpEchoServer open(InetSocketAddress address) throws IOException {
        return around(UdpSocket.bind(address), UdpEchoServer::new);
    }

    /**
     * The address the server listens on.
     *
     * @return the bound address
     * @throws IOException when the OS refuses
     */
    public InetSocketAddress localAddress() throws IOException {
        return socket.localAddress();
    }

    /**
     * Serves until the process is stopped.
     *
     * @param args an optional port (default 9001)
     * @throws IOException when the socket fails
     */
    public static void main(String[] args) throws IOException {
        try (UdpEchoServer server = open(new InetSocketAddress("127.0.0.1", Ports.fromArgs(args, 9001)))) {
            System.out.println("UDP echo server listening on " + server.localAddress());
            server.run();
        }
    }

    @Override
    void handle(Event event) throws IOException {
        // UdpSocket's javadoc shows the lines from here to @end.
        // @start region="echo"
        Datagram<InetSocketAddress> datagram;
        while ((datagram = socket.recvFrom(buffer.clear())) != null) {
            if (datagram.truncated()) {
                continue; // cannot happen with a 64 KiB buffer; never echo half a datagram
            }
            socket.sendTo(buffer.flip(), datagram.sender()); // WOULD_BLOCK: dropped, as UDP may
        }
        // @end
    }

    @Override
    void closeSources() {
        socket.close();
    }
}
