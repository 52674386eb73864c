package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.internal.transfer.Transfer;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;

/**
 * What the stream socket types share, whatever their family: reading, writing and shutting down,
 * with the {@code java.nio.channels} conventions for non-blocking channels. Package-private, so
 * that its public methods appear as each stream type's own.
 */
abstract sealed class StreamSocket extends MioSocket implements ByteChannel, ScatteringByteChannel, GatheringByteChannel
        permits TcpStream, UnixStream {
    StreamSocket(IoSource io, boolean ipv6) {
        super(io, ipv6);
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
}
