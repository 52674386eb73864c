package io.mio.net;

import io.mio.net.internal.SocketIo;
import io.mio.net.internal.Transfer;
import io.mio.spi.IoSource;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.ScatteringByteChannel;
import java.nio.file.Path;
import java.util.Set;

/**
 * A non-blocking Unix-domain stream connection.
 *
 * <p>It reads and writes as a {@link TcpStream} does — the bytes moved, 0 when the call would
 * block, -1 at end of stream — and takes the same kinds of memory without copying.
 *
 * {@snippet :
 * try (SocketPair<UnixStream> pair = UnixStream.pair()) {
 *     pair.first().write("ping".getBytes(StandardCharsets.US_ASCII));
 *     byte[] buffer = new byte[4];
 *     int n = pair.second().read(buffer); // 4 (a socket pair delivers at once)
 * }
 * }
 */
public final class UnixStream extends UnixSocket implements ByteChannel, ScatteringByteChannel, GatheringByteChannel {
    private static final Set<SocketOption<?>> OPTIONS = Set.of(StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_SNDBUF);

    UnixStream(IoSource io) {
        super(io);
    }

    /**
     * Connects to the listener at a filesystem path.
     *
     * @param path the listener's socket file
     * @return the connected stream, or {@code null} when the listener's accept queue is full (it
     *     would block: try again after a while)
     * @throws java.net.ConnectException when nothing listens there
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixStream connect(Path path) throws IOException {
        return connect(UnixSocketAddress.of(path));
    }

    /**
     * Connects to the listener at an address: a path, or an abstract name on Linux.
     *
     * @param address the listener's address
     * @return the connected stream, or {@code null} when the listener's accept queue is full
     * @throws java.net.ConnectException when nothing listens there
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixStream connect(UnixSocketAddress address) throws IOException {
        var name = name(address);
        boolean[] connected = new boolean[1];
        IoSource io = open(false, fd -> connected[0] = SocketIo.SOCKETS.connect(fd, name));
        if (!connected[0]) {
            // A Unix-domain connect completes at once or not at all (EAGAIN: the queue is full).
            io.close();
            return null;
        }
        return new UnixStream(io);
    }

    /**
     * Opens two streams connected to each other ({@code socketpair}), both unnamed, non-blocking
     * and close-on-exec.
     *
     * @return the pair
     * @throws IOException when the OS refuses
     */
    public static SocketPair<UnixStream> pair() throws IOException {
        IoSource[] ends = openPair(false);
        return new SocketPair<>(new UnixStream(ends[0]), new UnixStream(ends[1]));
    }

    /**
     * The address of the socket at the other end.
     *
     * @return the peer's address; {@link UnixSocketAddress#unnamed()} for a client that never bound
     * @throws NotYetConnectedException when not connected
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public UnixSocketAddress peerAddress() throws IOException {
        UnixSocketAddress peer = peer();
        if (peer == null) {
            throw new NotYetConnectedException();
        }
        return peer;
    }

    /**
     * Who is at the other end, as the OS recorded it when the connection was made.
     *
     * @return the peer's process, user and group ids
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public PeerCredentials peerCredentials() throws IOException {
        int[] ids = io.call(SocketIo.SOCKETS::peerCredentials);
        return new PeerCredentials(ids[0], ids[1], ids[2]);
    }

    /**
     * Reads into {@code dst} from its position, advancing it.
     *
     * @param dst a writable buffer, heap or direct
     * @return the bytes read, 0 when the read would block, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        return SocketIo.read(io, dst, Transfer.SOCKET);
    }

    /**
     * Reads into {@code dst}.
     *
     * @param dst the array to fill from index 0
     * @return the bytes read, 0 when the read would block, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int read(byte[] dst) throws IOException {
        return SocketIo.read(io, dst, 0, dst.length, Transfer.SOCKET);
    }

    /**
     * Reads into part of {@code dst}.
     *
     * @param dst the array
     * @param offset the first index to fill
     * @param length the most bytes to read
     * @return the bytes read, 0 when the read would block, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int read(byte[] dst, int offset, int length) throws IOException {
        return SocketIo.read(io, dst, offset, length, Transfer.SOCKET);
    }

    /**
     * Reads into {@code dst}, heap or native, from its start.
     *
     * @param dst the memory to fill
     * @return the bytes read, 0 when the read would block, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int read(MemorySegment dst) throws IOException {
        return SocketIo.read(io, dst, Transfer.SOCKET);
    }

    /**
     * Reads into the buffers in order (a scattering read).
     *
     * @param dsts writable buffers
     * @return the bytes read, 0 when the read would block, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public long read(ByteBuffer[] dsts) throws IOException {
        return SocketIo.read(io, dsts, 0, dsts.length, Transfer.SOCKET);
    }

    /**
     * Reads into {@code length} buffers from {@code offset} (a scattering read).
     *
     * @param dsts writable buffers
     * @param offset the first buffer to fill
     * @param length how many buffers to use
     * @return the bytes read, 0 when the read would block, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return SocketIo.read(io, dsts, offset, length, Transfer.SOCKET);
    }

    /**
     * Writes from {@code src}'s position, advancing it. May write only part.
     *
     * @param src a buffer, heap or direct
     * @return the bytes written, 0 when the write would block
     * @throws IOException when the connection failed (such as a broken pipe);
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        return SocketIo.write(io, src, Transfer.SOCKET);
    }

    /**
     * Writes from {@code src}. May write only part.
     *
     * @param src the bytes to write
     * @return the bytes written, 0 when the write would block
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int write(byte[] src) throws IOException {
        return SocketIo.write(io, src, 0, src.length, Transfer.SOCKET);
    }

    /**
     * Writes part of {@code src}. May write only part of that.
     *
     * @param src the array
     * @param offset the first index to write
     * @param length how many bytes to write
     * @return the bytes written, 0 when the write would block
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int write(byte[] src, int offset, int length) throws IOException {
        return SocketIo.write(io, src, offset, length, Transfer.SOCKET);
    }

    /**
     * Writes from {@code src}, heap or native. May write only part.
     *
     * @param src the bytes to write
     * @return the bytes written, 0 when the write would block
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int write(MemorySegment src) throws IOException {
        return SocketIo.write(io, src, Transfer.SOCKET);
    }

    /**
     * Writes from the buffers in order (a gathering write). May write only part.
     *
     * @param srcs buffers
     * @return the bytes written, 0 when the write would block
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return SocketIo.write(io, srcs, 0, srcs.length, Transfer.SOCKET);
    }

    /**
     * Writes from {@code length} buffers from {@code offset} (a gathering write).
     *
     * @param srcs buffers
     * @param offset the first buffer to write
     * @param length how many buffers to use
     * @return the bytes written, 0 when the write would block
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return SocketIo.write(io, srcs, offset, length, Transfer.SOCKET);
    }

    /**
     * Shuts down the read half, the write half, or both.
     *
     * @param how which half
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public void shutdown(Shutdown how) throws IOException {
        SocketIo.shutdown(io, how);
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code SO_RCVBUF} and {@code SO_SNDBUF}
     */
    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return OPTIONS;
    }
}
