package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.IoStatus;
import io.mio.spi.OsMemory;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/** Sending descriptors ({@code SCM_RIGHTS}), for both Unix-domain socket types; receiving is {@link ReceivedFds}'s. */
final class FdPassing {
    private FdPassing() {}

    /**
     * Sends {@code src} from its position with {@code fdsToSend} attached; on a datagram socket
     * whole or not at all. Returns what the backend returns, {@link IoStatus#WOULD_BLOCK} included.
     */
    static int send(IoSource io, ByteBuffer src, int[] fdsToSend, boolean datagram) throws IOException {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(fdsToSend, "fds");
        if (!src.hasRemaining()) {
            throw new IllegalArgumentException("the descriptors travel with at least one byte: src is empty");
        }
        if (fdsToSend.length > ReceivedFds.MAX_CAPACITY) {
            throw new IllegalArgumentException("one message carries at most " + ReceivedFds.MAX_CAPACITY + " descriptors, not " + fdsToSend.length);
        }
        for (int fd : fdsToSend) {
            if (fd < 0) {
                throw new IllegalArgumentException("negative descriptor " + fd);
            }
        }
        OsMemory.checkAccess(src);
        long fd = io.acquireOpen();
        int n;
        try {
            n = SocketIo.unix().sendWithFds(fd, MemorySegment.ofBuffer(src), fdsToSend, 0, fdsToSend.length, datagram);
        } finally {
            io.release();
        }
        n = (int) SocketIo.writeResult(io, n, src.remaining(), IoStatus.WOULD_BLOCK);
        if (n > 0) {
            src.position(src.position() + n);
        }
        return n;
    }
}
