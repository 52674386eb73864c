package io.mio.unix;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.Adoption;
import io.mio.internal.transfer.SocketIo;
import io.mio.internal.transfer.Transfer;
import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;

/**
 * A non-blocking Unix pipe, as mio's {@code unix::pipe}: bytes written to the {@link Sender}
 * come out of the {@link Receiver}, and both ends register with a {@link io.mio.Poll}. A pipe
 * is the classic way to wake a loop with data, or to talk to a thread that blocks elsewhere.
 *
 * {@snippet :
 * try (Pipe pipe = Pipe.open()) {
 *     poll.registry().register(pipe.receiver(), PIPE, Interest.READABLE);
 *     pipe.sender().write("hello".getBytes(StandardCharsets.US_ASCII));
 *     // ... a readable event for PIPE comes; read until read() returns 0
 * }
 * }
 *
 * <p>Closing the sender gives the receiver an event with {@link io.mio.Event#isReadClosed()};
 * closing the receiver gives the sender one with {@link io.mio.Event#isWriteClosed()}, and its
 * writes then fail with "Broken pipe".
 *
 * @param sender the write end
 * @param receiver the read end
 */
public record Pipe(Sender sender, Receiver receiver) implements Closeable {
    /**
     * Opens a pipe, both ends non-blocking and close-on-exec in one call ({@code pipe2}).
     *
     * @return the pipe
     * @throws IOException when the OS refuses, for example at the descriptor limit
     */
    public static Pipe open() throws IOException {
        int[] ends = SocketIo.unix().pipe();
        return new Pipe(new Sender(new IoSource(ends[1], SocketIo.SOCKETS)), new Receiver(new IoSource(ends[0], SocketIo.SOCKETS)));
    }

    /** Closes both ends. */
    @Override
    public void close() {
        sender.close();
        receiver.close();
    }

    /** The write end of a {@link Pipe}. Writes return the bytes written, 0 when the pipe is full. */
    public static final class Sender extends PipeEnd implements GatheringByteChannel {
        Sender(IoSource io) {
            super(io);
        }

        /**
         * Wraps a descriptor the program opened elsewhere — the write end of a pipe or
         * FIFO, inherited or made by a foreign call — as mio's {@code from_raw_fd} does. It is
         * checked to be open for writing, then made non-blocking and close-on-exec.
         *
         * @param fd the descriptor; it becomes this object's only when this method returns, and
         *     stays the caller's when it throws
         * @return the sending end
         * @throws IllegalArgumentException when {@code fd} is negative or not open for writing
         * @throws IOException when {@code fd} is not open
         */
        public static Sender fromRawFd(int fd) throws IOException {
            return new Sender(Adoption.pipeEnd(fd, true));
        }

        /**
         * Writes from {@code src}'s position, advancing it. May write only part.
         *
         * @param src a buffer, heap or direct
         * @return the bytes written, 0 when the pipe is full
         * @throws IOException when the receiver is closed ("Broken pipe");
         *     {@link java.nio.channels.ClosedChannelException} once closed
         */
        @Override
        public int write(ByteBuffer src) throws IOException {
            return SocketIo.write(io, src, Transfer.FILE);
        }

        /**
         * Writes from {@code src}. May write only part.
         *
         * @param src the bytes
         * @return the bytes written, 0 when the pipe is full
         * @throws IOException when the receiver is closed; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        public int write(byte[] src) throws IOException {
            return SocketIo.write(io, src, 0, src.length, Transfer.FILE);
        }

        /**
         * Writes from {@code src}, heap or native. May write only part.
         *
         * @param src the bytes
         * @return the bytes written, 0 when the pipe is full
         * @throws IOException when the receiver is closed; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        public int write(MemorySegment src) throws IOException {
            return SocketIo.write(io, src, Transfer.FILE);
        }

        /**
         * Writes from the buffers in order. May write only part.
         *
         * @param srcs buffers
         * @return the bytes written, 0 when the pipe is full
         * @throws IOException when the receiver is closed; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return SocketIo.write(io, srcs, 0, srcs.length, Transfer.FILE);
        }

        /**
         * Writes from {@code length} buffers from {@code offset}, in order. May write only part.
         *
         * @param srcs buffers
         * @param offset the first buffer
         * @param length how many buffers
         * @return the bytes written, 0 when the pipe is full
         * @throws IOException when the receiver is closed; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return SocketIo.write(io, srcs, offset, length, Transfer.FILE);
        }
    }

    /** The read end of a {@link Pipe}. Reads return the bytes read, 0 when empty, -1 once the sender closed. */
    public static final class Receiver extends PipeEnd implements ScatteringByteChannel {
        Receiver(IoSource io) {
            super(io);
        }

        /**
         * Wraps a descriptor the program opened elsewhere — the read end of a pipe or
         * FIFO, inherited or made by a foreign call — as mio's {@code from_raw_fd} does. It is
         * checked to be open for reading, then made non-blocking and close-on-exec.
         *
         * @param fd the descriptor; it becomes this object's only when this method returns, and
         *     stays the caller's when it throws
         * @return the receiving end
         * @throws IllegalArgumentException when {@code fd} is negative or not open for reading
         * @throws IOException when {@code fd} is not open
         */
        public static Receiver fromRawFd(int fd) throws IOException {
            return new Receiver(Adoption.pipeEnd(fd, false));
        }

        /**
         * Reads into {@code dst} from its position, advancing it.
         *
         * @param dst a writable buffer, heap or direct
         * @return the bytes read, 0 when the pipe is empty, -1 once the sender is closed and all read
         * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        @Override
        public int read(ByteBuffer dst) throws IOException {
            return SocketIo.read(io, dst, Transfer.FILE);
        }

        /**
         * Reads into {@code dst}.
         *
         * @param dst the array to fill from index 0
         * @return the bytes read, 0 when the pipe is empty, -1 at end of stream
         * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        public int read(byte[] dst) throws IOException {
            return SocketIo.read(io, dst, 0, dst.length, Transfer.FILE);
        }

        /**
         * Reads into {@code dst}, heap or native.
         *
         * @param dst the memory to fill
         * @return the bytes read, 0 when the pipe is empty, -1 at end of stream
         * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        public int read(MemorySegment dst) throws IOException {
            return SocketIo.read(io, dst, Transfer.FILE);
        }

        /**
         * Reads into the buffers in order.
         *
         * @param dsts writable buffers
         * @return the bytes read, 0 when the pipe is empty, -1 at end of stream
         * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        @Override
        public long read(ByteBuffer[] dsts) throws IOException {
            return SocketIo.read(io, dsts, 0, dsts.length, Transfer.FILE);
        }

        /**
         * Reads into {@code length} buffers from {@code offset}, in order.
         *
         * @param dsts writable buffers
         * @param offset the first buffer
         * @param length how many buffers
         * @return the bytes read, 0 when the pipe is empty, -1 at end of stream
         * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
         *     once closed
         */
        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return SocketIo.read(io, dsts, offset, length, Transfer.FILE);
        }
    }
}
