package io.mio.net;

import io.mio.spi.Backends;
import io.mio.spi.IoSource;
import io.mio.spi.IoStatus;
import io.mio.spi.Sockets;
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
 * <p>Nothing is copied. Direct buffers go to the OS by address ({@link DirectAddresses}), which
 * makes no object per call; heap buffers, arrays and segments go as segment views of the same
 * memory ({@link MemorySegment#ofBuffer}, {@link MemorySegment#ofArray}), which the JIT removes
 * only where it inlines the whole call.
 */
final class SocketIo {
    /** Mirrors the kernel's {@code IOV_MAX}: one call takes at most this many buffers. */
    private static final int MAX_BUFFERS = 1024;

    static final Sockets SOCKETS = Backends.current().sockets();

    private SocketIo() {}

    static int read(IoSource io, ByteBuffer dst, boolean peek) throws IOException {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        int position = dst.position();
        int remaining = dst.limit() - position;
        if (remaining <= 0) {
            return 0;
        }
        long base = dst.isDirect() ? DirectAddresses.base(dst) : -1;
        int n;
        if (base < 0) {
            n = read(io, MemorySegment.ofBuffer(dst), peek);
        } else {
            int fd = io.acquireOpen();
            try {
                n = SOCKETS.read(fd, base + position, remaining, peek);
            } finally {
                io.release();
                Reference.reachabilityFence(dst); // the OS writes into its memory until here
            }
            n = n == IoStatus.WOULD_BLOCK ? 0 : n;
        }
        if (n > 0) {
            dst.position(position + n);
        }
        return n;
    }

    static int read(IoSource io, byte[] dst, int offset, int length, boolean peek) throws IOException {
        Objects.checkFromIndexSize(offset, length, dst.length);
        if (length == 0) {
            return 0;
        }
        return read(io, MemorySegment.ofArray(dst).asSlice(offset, length), peek);
    }

    /** Reads into the whole of {@code dst}: bytes read, 0 when it would block, -1 at end of stream. */
    static int read(IoSource io, MemorySegment dst, boolean peek) throws IOException {
        if (dst.byteSize() == 0) {
            return 0;
        }
        int fd = io.acquireOpen();
        try {
            int n = SOCKETS.read(fd, clamp(dst), peek);
            return n == IoStatus.WOULD_BLOCK ? 0 : n;
        } finally {
            io.release();
        }
    }

    static int write(IoSource io, ByteBuffer src) throws IOException {
        int position = src.position();
        int remaining = src.limit() - position;
        if (remaining <= 0) {
            return 0;
        }
        long base = src.isDirect() ? DirectAddresses.base(src) : -1;
        int n;
        if (base < 0) {
            n = write(io, MemorySegment.ofBuffer(src));
        } else {
            int fd = io.acquireOpen();
            try {
                n = SOCKETS.write(fd, base + position, remaining);
            } finally {
                io.release();
                Reference.reachabilityFence(src);
            }
            n = n == IoStatus.WOULD_BLOCK ? 0 : n;
        }
        src.position(position + n);
        return n;
    }

    static int write(IoSource io, byte[] src, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, src.length);
        if (length == 0) {
            return 0;
        }
        return write(io, MemorySegment.ofArray(src).asSlice(offset, length));
    }

    /** Writes from the whole of {@code src}: bytes written, 0 when it would block. */
    static int write(IoSource io, MemorySegment src) throws IOException {
        if (src.byteSize() == 0) {
            return 0;
        }
        int fd = io.acquireOpen();
        try {
            int n = SOCKETS.write(fd, clamp(src));
            return n == IoStatus.WOULD_BLOCK ? 0 : n;
        } finally {
            io.release();
        }
    }

    /**
     * A scattering read. Direct buffers go to the OS in one call; a heap buffer cannot be named in
     * an iovec without copying, so then each buffer is read in turn, stopping at the first short
     * read, which leaves the same bytes in the same buffers.
     */
    static long read(IoSource io, ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        length = Math.min(length, MAX_BUFFERS);
        if (!allDirect(dsts, offset, length, true)) {
            return readEach(io, dsts, offset, length);
        }
        int fd = io.acquireOpen();
        long n;
        try {
            n = SOCKETS.readv(fd, dsts, offset, length);
        } finally {
            io.release();
        }
        if (n == IoStatus.WOULD_BLOCK) {
            return 0;
        }
        if (n > 0) {
            advance(dsts, offset, length, n);
        }
        return n;
    }

    private static long readEach(IoSource io, ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            ByteBuffer dst = dsts[i];
            int wanted = dst.remaining();
            int n = read(io, dst, false);
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

    /** A gathering write; see {@link #read(IoSource, ByteBuffer[], int, int)} for heap buffers. */
    static long write(IoSource io, ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        length = Math.min(length, MAX_BUFFERS);
        if (!allDirect(srcs, offset, length, false)) {
            return writeEach(io, srcs, offset, length);
        }
        int fd = io.acquireOpen();
        long n;
        try {
            n = SOCKETS.writev(fd, srcs, offset, length);
        } finally {
            io.release();
        }
        if (n == IoStatus.WOULD_BLOCK) {
            return 0;
        }
        advance(srcs, offset, length, n);
        return n;
    }

    private static long writeEach(IoSource io, ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            ByteBuffer src = srcs[i];
            int wanted = src.remaining();
            int n = write(io, src);
            total += n;
            if (n < wanted) {
                break;
            }
        }
        return total;
    }

    private static boolean allDirect(ByteBuffer[] buffers, int offset, int length, boolean forReading) {
        boolean direct = true;
        for (int i = offset; i < offset + length; i++) {
            ByteBuffer buffer = Objects.requireNonNull(buffers[i], "buffer");
            if (forReading && buffer.isReadOnly()) {
                throw new IllegalArgumentException("read-only buffer");
            }
            direct &= buffer.isDirect();
        }
        return direct;
    }

    private static void advance(ByteBuffer[] buffers, int offset, int length, long n) {
        for (int i = offset; i < offset + length && n > 0; i++) {
            ByteBuffer buffer = buffers[i];
            int step = (int) Math.min(n, buffer.remaining());
            buffer.position(buffer.position() + step);
            n -= step;
        }
    }

    static void shutdown(IoSource io, Shutdown how) throws IOException {
        Objects.requireNonNull(how, "how");
        io.call(fd -> {
            SOCKETS.shutdown(fd, how != Shutdown.WRITE, how != Shutdown.READ);
            return null;
        });
    }

    /** One call moves at most {@code Integer.MAX_VALUE} bytes, as the OS does anyway. */
    private static MemorySegment clamp(MemorySegment segment) {
        return segment.byteSize() <= Integer.MAX_VALUE ? segment : segment.asSlice(0, Integer.MAX_VALUE);
    }
}
