package io.mio.net;

import io.mio.internal.transfer.SocketIo;
import io.mio.spi.Descriptor;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * A descriptor this program owns and must close: one received from another process, or one
 * opened by a foreign call, until it is turned into a Mio type or closed.
 *
 * <p>Closing is idempotent and safe against a concurrent {@link #rawFd()} reader in the same way
 * as Mio's sockets. {@link #into} hands the descriptor to one of the {@code fromRawFd} factories
 * and keeps it when that factory refuses, so a try-with-resources block never leaks it:
 *
 * {@snippet :
 * try (ReceivedFds fds = ReceivedFds.withCapacity(4)) {
 *     int n = channel.receiveWithFds(buffer, fds);        // a Unix stream from a front process
 *     if (fds.count() > 0) {
 *         try (OwnedFd fd = fds.take(0)) {
 *             TcpStream client = fd.into(TcpStream::fromRawFd); // ownership moves only on success
 *             client.register(registry, new Token(7), Interest.READABLE);
 *         }
 *     }
 * }
 * }
 */
public final class OwnedFd implements AutoCloseable {
    private Descriptor descriptor;

    private OwnedFd(int fd) {
        descriptor = new Descriptor(fd, SocketIo.SOCKETS);
    }

    /**
     * Takes ownership of a descriptor number: from now on, {@link #close()} closes it.
     *
     * @param fd an open descriptor that nothing else will close
     * @return its owner
     * @throws IllegalArgumentException when {@code fd} is negative
     */
    public static OwnedFd adopt(int fd) {
        return new OwnedFd(fd);
    }

    /**
     * Makes a Mio object of the descriptor, moving ownership to it.
     *
     * @param <T> the Mio type
     * @param factory one of the {@code fromRawFd} factories, such as {@code UnixStream::fromRawFd}
     * @return what the factory made; this object is closed afterwards, without closing the
     *     descriptor
     * @throws IOException what the factory throws; this object then still owns the descriptor
     * @throws IllegalArgumentException when the factory refuses the descriptor's kind; as above
     * @throws ClosedChannelException once closed
     */
    public synchronized <T> T into(FdFunction<T> factory) throws IOException {
        int fd = Math.toIntExact(descriptor.detach());
        if (fd < 0) {
            throw new ClosedChannelException();
        }
        try {
            return factory.apply(fd);
        } catch (IOException | RuntimeException | Error e) {
            descriptor = new Descriptor(fd, SocketIo.SOCKETS);
            throw e;
        }
    }

    /**
     * The descriptor number, still owned by this object.
     *
     * @return the number
     * @throws ClosedChannelException once closed or moved out
     */
    public synchronized int rawFd() throws ClosedChannelException {
        if (descriptor.isClosed()) {
            throw new ClosedChannelException();
        }
        return Math.toIntExact(descriptor.number());
    }

    /**
     * Gives up ownership without closing: the caller now closes the number.
     *
     * @return the number
     * @throws ClosedChannelException once closed or moved out
     */
    public synchronized int release() throws ClosedChannelException {
        int fd = Math.toIntExact(descriptor.detach());
        if (fd < 0) {
            throw new ClosedChannelException();
        }
        return fd;
    }

    /**
     * Whether this object still owns its descriptor.
     *
     * @return {@code false} once closed or moved out
     */
    public synchronized boolean isOpen() {
        return !descriptor.isClosed();
    }

    /** Closes the descriptor unless it was moved out. Idempotent. */
    @Override
    public synchronized void close() {
        descriptor.close();
    }

    @Override
    public synchronized String toString() {
        return "OwnedFd[" + descriptor + "]";
    }
}
