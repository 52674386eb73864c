package io.mio.internal.transfer;

import io.mio.internal.shared.Backends;
import io.mio.internal.shared.IoSource;
import io.mio.net.Shutdown;
import io.mio.spi.IoStatus;
import io.mio.spi.OsMemory;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The transfers every Mio socket shares: each brackets its system call with the source's
 * descriptor guard, turns would-block into 0, and moves buffer positions. One piece of code, so
 * that every socket type has the same conventions.
 *
 * <p>Nothing is copied. Memory reaches the OS only through {@link OsMemory}'s rule: a direct
 * buffer that owns its memory goes by address, which makes no object per call; heap buffers,
 * arrays, segments and buffers over an arena's memory go as segment arguments of the call
 * ({@link MemorySegment#ofBuffer}, {@link MemorySegment#ofArray}), which the linker holds for
 * the call and refuses when closed or confined to another thread.
 */
public final class SocketIo {
    /** Mirrors the kernel's {@code IOV_MAX}: one call takes at most this many buffers. */
    private static final int MAX_BUFFERS = 1024;

    /** Each thread's answers of the memory gate for a scatter or gather, handed to the backend. */
    private static final ThreadLocal<long[]> BASES = ThreadLocal.withInitial(() -> new long[MAX_BUFFERS]);

    /** The backend's calls; where no backend can run, calls that each say why. */
    public static final Sockets SOCKETS = Backends.unavailabilityCause()
            .map(UnavailableSockets::because)
            .orElseGet(() -> Backends.current().sockets());

    /** The backend's Unix-only calls, or {@code null} on an OS without them or without a backend. */
    private static final UnixCalls UNIX = Backends.unavailabilityCause().isPresent() ? null : Backends.current().unix();

    /**
     * The calls only Unix has: pipes, socket pairs, descriptor passing.
     *
     * @return them
     * @throws UnsupportedOperationException on an OS without them
     */
    public static UnixCalls unix() {
        if (UNIX == null) {
            throw new UnsupportedOperationException("pipes, socket pairs and descriptor passing need a Unix OS; the "
                    + Backends.current().name() + " backend has none");
        }
        return UNIX;
    }

    private SocketIo() {}

    /**
     * Reads into {@code dst} from its position, advancing it.
     *
     * @param io the source
     * @param dst a writable buffer
     * @param how which call
     * @return bytes read, 0 when it would block, -1 at end of stream
     * @throws IOException when the call fails
     */
    public static int read(IoSource io, ByteBuffer dst, Transfer how) throws IOException {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        int position = dst.position();
        int remaining = dst.limit() - position;
        if (remaining <= 0) {
            return nothing(io);
        }
        long base = OsMemory.ownedBase(dst);
        int n;
        if (base < 0) {
            n = read(io, MemorySegment.ofBuffer(dst), how);
        } else {
            long fd = io.acquireOpen();
            try {
                n = how == Transfer.FILE
                        ? unix().readFile(fd, base + position, remaining)
                        : SOCKETS.read(fd, base + position, remaining, how == Transfer.PEEK);
            } catch (IOException e) {
                throw readFailed(io, e);
            } finally {
                io.release();
                Reference.reachabilityFence(dst); // the OS writes into its memory until here
            }
            n = (int) readResult(io, n, remaining, how);
        }
        if (n > 0) {
            dst.position(position + n);
        }
        return n;
    }

    /**
     * Reads into part of {@code dst}.
     *
     * @param io the source
     * @param dst the array
     * @param offset the first index to fill
     * @param length the most bytes to read
     * @param how which call
     * @return bytes read, 0 when it would block, -1 at end of stream
     * @throws IOException when the call fails
     */
    public static int read(IoSource io, byte[] dst, int offset, int length, Transfer how) throws IOException {
        Objects.checkFromIndexSize(offset, length, dst.length);
        if (length == 0) {
            return nothing(io);
        }
        return read(io, MemorySegment.ofArray(dst).asSlice(offset, length), how);
    }

    /**
     * Reads into the whole of {@code dst}.
     *
     * @param io the source
     * @param dst heap or native memory
     * @param how which call
     * @return bytes read, 0 when it would block, -1 at end of stream
     * @throws IOException when the call fails
     */
    public static int read(IoSource io, MemorySegment dst, Transfer how) throws IOException {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only segment");
        }
        if (dst.byteSize() == 0) {
            return nothing(io);
        }
        long fd = io.acquireOpen();
        try {
            MemorySegment into = clamp(dst);
            int n = how == Transfer.FILE ? unix().readFile(fd, into) : SOCKETS.read(fd, into, how == Transfer.PEEK);
            return (int) readResult(io, n, into.byteSize(), how);
        } catch (IOException e) {
            throw readFailed(io, e);
        } finally {
            io.release();
        }
    }

    /**
     * Writes from {@code src}'s position, advancing it.
     *
     * @param io the source
     * @param src a buffer
     * @param how which call ({@link Transfer#SOCKET} or {@link Transfer#FILE})
     * @return bytes written, 0 when it would block
     * @throws IOException when the call fails
     */
    public static int write(IoSource io, ByteBuffer src, Transfer how) throws IOException {
        int position = src.position();
        int remaining = src.limit() - position;
        if (remaining <= 0) {
            return nothing(io);
        }
        long base = OsMemory.ownedBase(src);
        int n;
        if (base < 0) {
            n = write(io, MemorySegment.ofBuffer(src), how);
        } else {
            long fd = io.acquireOpen();
            try {
                n = how == Transfer.FILE ? unix().writeFile(fd, base + position, remaining) : SOCKETS.write(fd, base + position, remaining);
            } finally {
                io.release();
                Reference.reachabilityFence(src);
            }
            n = (int) writeResult(io, n, remaining, 0);
        }
        src.position(position + n);
        return n;
    }

    /**
     * Writes part of {@code src}.
     *
     * @param io the source
     * @param src the array
     * @param offset the first index to write
     * @param length how many bytes
     * @param how which call
     * @return bytes written, 0 when it would block
     * @throws IOException when the call fails
     */
    public static int write(IoSource io, byte[] src, int offset, int length, Transfer how) throws IOException {
        Objects.checkFromIndexSize(offset, length, src.length);
        if (length == 0) {
            return nothing(io);
        }
        return write(io, MemorySegment.ofArray(src).asSlice(offset, length), how);
    }

    /**
     * Writes the whole of {@code src}, or what the OS takes of it.
     *
     * @param io the source
     * @param src heap or native memory
     * @param how which call
     * @return bytes written, 0 when it would block
     * @throws IOException when the call fails
     */
    public static int write(IoSource io, MemorySegment src, Transfer how) throws IOException {
        Objects.requireNonNull(src, "src");
        if (src.byteSize() == 0) {
            return nothing(io);
        }
        long fd = io.acquireOpen();
        try {
            MemorySegment clamped = clamp(src);
            int n = how == Transfer.FILE ? unix().writeFile(fd, clamped) : SOCKETS.write(fd, clamped);
            return (int) writeResult(io, n, clamped.byteSize(), 0);
        } finally {
            io.release();
        }
    }

    /**
     * A scattering read. When every buffer owns its memory ({@link OsMemory#ownedBase}) they go to
     * the OS in one call; any other buffer cannot be named in an iovec safely, so then each buffer
     * is read in turn, stopping at the first short read, which leaves the same bytes in the same
     * buffers. Every buffer is checked before anything is read.
     *
     * @param io the source
     * @param dsts writable buffers
     * @param offset the first buffer
     * @param length how many buffers
     * @param how which call; a pipe ({@link Transfer#FILE}) is read buffer by buffer
     * @return bytes read, 0 when it would block or the buffers have no room, -1 at end of stream
     * @throws IOException when the call fails
     */
    public static long read(IoSource io, ByteBuffer[] dsts, int offset, int length, Transfer how) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        length = Math.min(length, MAX_BUFFERS);
        long[] bases = BASES.get();
        boolean vectored = checkAll(dsts, offset, length, true, bases) && how != Transfer.FILE;
        long room = remaining(dsts, offset, length);
        if (room == 0) {
            return nothing(io); // no room is not end of stream, as java.nio has it
        }
        if (!vectored) {
            return readEach(io, dsts, offset, length, how);
        }
        long fd = io.acquireOpen();
        long n;
        try {
            n = readResult(io, SOCKETS.readv(fd, dsts, bases, offset, length), room, how);
        } catch (IOException e) {
            throw readFailed(io, e);
        } finally {
            io.release();
            Reference.reachabilityFence(dsts); // the OS writes into their memory until here
        }
        if (n > 0) {
            advance(dsts, offset, length, n);
        }
        return n;
    }

    private static long readEach(IoSource io, ByteBuffer[] dsts, int offset, int length, Transfer how) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            ByteBuffer dst = dsts[i];
            int wanted = dst.remaining();
            if (wanted == 0) {
                continue;
            }
            int n;
            try {
                n = read(io, dst, how);
            } catch (IllegalStateException | WrongThreadException e) {
                if (total > 0) {
                    return total; // an arena closed by another thread since the check: keep what was read
                }
                throw e;
            }
            if (n < 0) {
                return total > 0 ? total : n;
            }
            total += n;
            if (n < wanted) {
                break;
            }
        }
        return total;
    }

    /**
     * A gathering write; see {@link #read(IoSource, ByteBuffer[], int, int, Transfer)} for which
     * buffers go in one call. For {@link Transfer#FILE} each buffer is written in turn, as
     * {@code sendmsg} takes sockets only. Every buffer is checked before anything is written.
     *
     * @param io the source
     * @param srcs buffers
     * @param offset the first buffer
     * @param length how many buffers
     * @param how which call
     * @return bytes written, 0 when it would block
     * @throws IOException when the call fails
     */
    public static long write(IoSource io, ByteBuffer[] srcs, int offset, int length, Transfer how) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        length = Math.min(length, MAX_BUFFERS);
        long[] bases = BASES.get();
        boolean vectored = checkAll(srcs, offset, length, false, bases) && how != Transfer.FILE;
        long offered = remaining(srcs, offset, length);
        if (offered == 0) {
            return nothing(io);
        }
        if (!vectored) {
            return writeEach(io, srcs, offset, length, how);
        }
        long fd = io.acquireOpen();
        long n;
        try {
            n = writeResult(io, SOCKETS.writev(fd, srcs, bases, offset, length), offered, 0);
        } finally {
            io.release();
            Reference.reachabilityFence(srcs);
        }
        advance(srcs, offset, length, n);
        return n;
    }

    private static long writeEach(IoSource io, ByteBuffer[] srcs, int offset, int length, Transfer how) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            ByteBuffer src = srcs[i];
            int wanted = src.remaining();
            if (wanted == 0) {
                continue;
            }
            int n;
            try {
                n = write(io, src, how);
            } catch (IllegalStateException | WrongThreadException e) {
                if (total > 0) {
                    return total;
                }
                throw e;
            }
            total += n;
            if (n < wanted) {
                break;
            }
        }
        return total;
    }

    /**
     * Checks every buffer before any byte moves: none null, none read-only when reading into them,
     * all memory this thread can touch now. Each buffer's {@link OsMemory#ownedBase} goes to
     * {@code bases}, for the backend's iovecs.
     *
     * @return whether every buffer owns its memory, so that all can go to the OS in one call
     */
    private static boolean checkAll(ByteBuffer[] buffers, int offset, int length, boolean forReading, long[] bases) {
        boolean owned = true;
        for (int i = offset; i < offset + length; i++) {
            ByteBuffer buffer = Objects.requireNonNull(buffers[i], "buffer");
            if (forReading && buffer.isReadOnly()) {
                throw new IllegalArgumentException("read-only buffer");
            }
            bases[i - offset] = OsMemory.ownedBase(buffer);
            if (bases[i - offset] < 0) {
                owned = false;
                OsMemory.checkAccess(buffer);
            }
        }
        return owned;
    }

    private static long remaining(ByteBuffer[] buffers, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += buffers[i].remaining();
        }
        return total;
    }

    private static void advance(ByteBuffer[] buffers, int offset, int length, long n) {
        for (int i = offset; i < offset + length && n > 0; i++) {
            ByteBuffer buffer = buffers[i];
            int step = (int) Math.min(n, buffer.remaining());
            buffer.position(buffer.position() + step);
            n -= step;
        }
    }

    /**
     * Accepts a queued connection on a listening socket. Bracketed by hand rather than with
     * {@link IoSource#call}: it runs on every listener event, and a lambda would be an object.
     *
     * @param listener the listening socket
     * @return the new descriptor, or {@link IoStatus#WOULD_BLOCK} when none is queued
     * @throws IOException when the OS refuses, for example at the descriptor limit
     */
    public static long accept(IoSource listener) throws IOException {
        long fd = listener.acquireOpen();
        long accepted;
        try {
            accepted = SOCKETS.accept(fd);
        } finally {
            listener.release();
        }
        return listener.afterRead(accepted);
    }

    /**
     * Shuts down one or both halves of a connection.
     *
     * @param io the socket
     * @param how which half
     * @throws IOException when the OS refuses
     */
    public static void shutdown(IoSource io, Shutdown how) throws IOException {
        Objects.requireNonNull(how, "how");
        io.call(fd -> {
            SOCKETS.shutdown(fd, how != Shutdown.WRITE, how != Shutdown.READ);
            return null;
        });
    }

    /**
     * A stream read's result as the public API returns it (0 for would-block), reported to the
     * source's do_io ({@link IoSource#afterStreamRead}); a peek takes nothing, so only its
     * would-block and end of stream count.
     *
     * @param io the source read
     * @param n what the backend returned
     * @param requested how many bytes the call asked for
     * @param how which call
     * @return bytes read, 0 when it would block, -1 at end of stream
     */
    public static long readResult(IoSource io, long n, long requested, Transfer how) {
        long reported = how == Transfer.PEEK ? io.afterRead(n) : io.afterStreamRead(n, requested);
        return reported == IoStatus.WOULD_BLOCK ? 0 : n;
    }

    /**
     * A stream read that failed (a reset, a broken pipe) has ended the source's readiness as
     * would-block does ({@link IoSource#afterReadFailure}). Not so for a failed accept (at the
     * descriptor limit the connection stays queued) or a datagram receive (a reported ICMP error
     * leaves the queued datagrams), whose readiness remains: those do not come here.
     *
     * @param io the source read
     * @param e the failure
     * @return {@code e}, to throw
     */
    public static IOException readFailed(IoSource io, IOException e) {
        return io.afterReadFailure(e);
    }

    /**
     * A write's result as the public API returns it, with {@code wouldBlock} for would-block,
     * reported to the source's do_io ({@link IoSource#afterWrite}).
     *
     * @param io the source written
     * @param n what the backend returned
     * @param offered how many bytes the call was given
     * @param wouldBlock what to return for would-block: 0 for streams, -1 for datagrams
     * @return bytes written, or {@code wouldBlock}
     */
    public static long writeResult(IoSource io, long n, long offered, int wouldBlock) {
        return io.afterWrite(n, offered) == IoStatus.WOULD_BLOCK ? wouldBlock : n;
    }

    /**
     * The result of a transfer of zero bytes, which needs no system call but still says when the
     * source is closed, as every other call on it does.
     *
     * @param io the source
     * @return 0
     * @throws java.nio.channels.ClosedChannelException once closed
     */
    public static int nothing(IoSource io) throws java.nio.channels.ClosedChannelException {
        if (io.isClosed()) {
            throw new java.nio.channels.ClosedChannelException();
        }
        return 0;
    }

    /** One call moves at most {@code Integer.MAX_VALUE} bytes, as the OS does anyway. */
    private static MemorySegment clamp(MemorySegment segment) {
        return segment.byteSize() <= Integer.MAX_VALUE ? segment : segment.asSlice(0, Integer.MAX_VALUE);
    }

    /**
     * Gives up an unregistered source's descriptor, for {@code intoRawFd()}.
     *
     * @param io the source
     * @return its number, now the caller's: a Unix descriptor, an {@code int}
     * @throws java.nio.channels.ClosedChannelException once closed
     */
    public static int intoRawFd(IoSource io) throws java.nio.channels.ClosedChannelException {
        return Math.toIntExact(io.detachOpen());
    }

    /**
     * Runs a program's own call on the source's descriptor, for {@code tryIo}: held open, and
     * re-armed when the call throws {@link io.mio.WouldBlockException}.
     *
     * @param <T> what the call returns
     * @param io the source
     * @param call the call, given the descriptor number
     * @return what it returned
     * @throws IOException what the call throws
     */
    public static <T> T tryIo(IoSource io, io.mio.net.FdFunction<T> call) throws IOException {
        return io.tryIo(fd -> call.apply(Math.toIntExact(fd)));
    }

    /**
     * The descriptor number of an open source, for {@code rawFd()}.
     *
     * @param io the source
     * @return its number
     * @throws java.nio.channels.ClosedChannelException once closed
     */
    public static int rawFd(IoSource io) throws java.nio.channels.ClosedChannelException {
        if (io.isClosed()) {
            throw new java.nio.channels.ClosedChannelException();
        }
        return Math.toIntExact(io.number()); // a Unix descriptor: an int
    }
}
