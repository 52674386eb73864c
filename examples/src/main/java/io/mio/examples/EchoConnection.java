package io.mio.examples;

import io.mio.net.TcpStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/** One echoed TCP connection: its stream, and the bytes it could not write yet. */
final class EchoConnection {
    /** The size of the buffers: one shared by all connections, one per connection that needs it. */
    static final int BUFFER_SIZE = 64 * 1024;

    final TcpStream stream;
    /** Allocated on the first partial write, then kept: flipped, holding unwritten bytes. */
    private ByteBuffer pending;

    EchoConnection(TcpStream stream) {
        this.stream = stream;
    }

    // @start region="pump"
    /**
     * Echoes until the socket would block; called for every event of the connection.
     *
     * @param buffer shared by every connection: bytes only stay in it within one pump
     * @return {@code false} when the connection is finished
     */
    boolean pump(ByteBuffer buffer) {
        try {
            if (pending != null && pending.hasRemaining()) {
                stream.write(pending);
                if (pending.hasRemaining()) {
                    return true; // still full: the next writable event resumes
                }
            }
            while (true) {
                int n = stream.read(buffer.clear());
                if (n <= 0) {
                    return n == 0; // 0: would block, -1: the peer closed
                }
                stream.write(buffer.flip());
                if (buffer.hasRemaining()) { // the socket is full: keep the rest
                    if (pending == null) {
                        pending = ByteBuffer.allocateDirect(BUFFER_SIZE);
                    }
                    pending.clear().put(buffer).flip();
                    return true;
                }
            }
        } catch (IOException e) {
            return false; // reset by the peer, or the like: drop the connection
        }
    }
    // @end
}
