package io.mio.spi;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.SocketAddress;

/**
 * The batch calls of {@link Sockets} as loops of single calls, for an OS without
 * {@code recvmmsg}/{@code sendmmsg}. Its own class, so that a test can run it beside the OS's
 * batch calls and compare.
 */
public final class PortableBatch {
    private PortableBatch() {}

    /**
     * {@link Sockets#receiveMany} with one receive per datagram.
     *
     * @param sockets the backend's calls
     * @param fd the socket
     * @param data the slots
     * @param slotSize the bytes per slot
     * @param count how many datagrams at most
     * @param senders where the senders' addresses go
     * @param lengths where the lengths go
     * @return how many datagrams were received
     * @throws IOException when the first receive fails
     */
    public static int receiveMany(Sockets sockets, long fd, MemorySegment data, int slotSize, int count,
            MemorySegment senders, int[] lengths) throws IOException {
        for (int i = 0; i < count; i++) {
            int n;
            try {
                n = sockets.receive(fd, data.asSlice((long) i * slotSize, slotSize), false,
                        senders.asSlice((long) i * Sockets.SOCKADDR_SIZE, Sockets.SOCKADDR_SIZE));
            } catch (IOException e) {
                if (i == 0) {
                    throw e;
                }
                return i; // report what was received; the error comes again with the next call
            }
            if (n == IoStatus.WOULD_BLOCK) {
                return i;
            }
            lengths[i] = n;
        }
        return count;
    }

    /**
     * {@link Sockets#sendMany} with one send per datagram.
     *
     * @param sockets the backend's calls
     * @param fd the socket
     * @param data the slots
     * @param slotSize the bytes per slot
     * @param count how many datagrams
     * @param lengths their lengths
     * @param targets their destinations
     * @return how many datagrams were sent
     * @throws IOException when the first send fails
     */
    public static int sendMany(Sockets sockets, long fd, MemorySegment data, int slotSize, int count, int[] lengths,
            SocketAddress[] targets) throws IOException {
        for (int i = 0; i < count; i++) {
            int n;
            try {
                n = sockets.send(fd, data.asSlice((long) i * slotSize, lengths[i]), targets[i]);
            } catch (IOException e) {
                if (i == 0) {
                    throw e;
                }
                return i;
            }
            if (n == IoStatus.WOULD_BLOCK) {
                return i;
            }
        }
        return count;
    }
}
