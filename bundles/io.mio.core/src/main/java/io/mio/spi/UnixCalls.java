package io.mio.spi;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * The calls only Unix has, apart from the {@link Sockets} every OS has: pipes and other
 * descriptors that are not sockets, socket pairs, peer credentials, access modes, and passing
 * descriptors ({@code SCM_RIGHTS}). A backend for an OS without them (Windows) offers none
 * ({@link Backend#unix()} is {@code null}), and the types built on them say so with
 * {@link UnsupportedOperationException}.
 *
 * <p>The conventions are those of {@link Sockets}: would-block is a value, every other failure
 * the {@link IOException} a Java user expects, memory held for the call as {@link OsMemory}
 * says, no call that can block linked {@code critical}.
 */
public interface UnixCalls {
    /**
     * Opens a pipe, both ends non-blocking and close-on-exec in one call.
     *
     * @return the read end, then the write end
     * @throws IOException when the OS refuses
     */
    int[] pipe() throws IOException;

    /**
     * Reads from a descriptor that is not a socket, such as a pipe ({@code read(2)}).
     *
     * @param fd the descriptor
     * @param dst the memory to fill, its whole size
     * @return the bytes read, {@link IoStatus#EOF} or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS reports an error
     */
    int readFile(long fd, MemorySegment dst) throws IOException;

    /**
     * Reads from a descriptor that is not a socket into native memory given by its address.
     *
     * @param fd the descriptor
     * @param address the first byte to fill; the caller keeps the memory alive during the call
     * @param length the most bytes to read, at least 1
     * @return the bytes read, {@link IoStatus#EOF} or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS reports an error
     */
    int readFile(long fd, long address, int length) throws IOException;

    /**
     * Writes to a descriptor that is not a socket ({@code write(2)}); a pipe with no reader gives
     * {@code EPIPE}, as the JVM ignores {@code SIGPIPE}.
     *
     * @param fd the descriptor
     * @param src the bytes, its whole size
     * @return the bytes written, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS reports an error
     */
    int writeFile(long fd, MemorySegment src) throws IOException;

    /**
     * Writes to a descriptor that is not a socket from native memory given by its address.
     *
     * @param fd the descriptor
     * @param address the first byte; the caller keeps the memory alive during the call
     * @param length the bytes to write, at least 1
     * @return the bytes written, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS reports an error
     */
    int writeFile(long fd, long address, int length) throws IOException;

    /**
     * Opens a connected pair of Unix-domain sockets, non-blocking and close-on-exec.
     *
     * @param datagram {@code true} for datagram sockets, else stream sockets
     * @return the two descriptors
     * @throws IOException when the OS refuses
     */
    int[] socketPair(boolean datagram) throws IOException;

    /**
     * The credentials of the process at the other end of a connected Unix-domain socket, as they
     * were when it connected ({@code SO_PEERCRED}).
     *
     * @param fd the socket
     * @return the process id, user id and group id, in that order
     * @throws IOException when the OS refuses or has no such option
     */
    int[] peerCredentials(long fd) throws IOException;

    /**
     * The access mode a descriptor was opened with, for adopting one end of a pipe.
     *
     * @param fd the descriptor
     * @return 0 read-only, 1 write-only, 2 read-write (POSIX {@code O_ACCMODE})
     * @throws IOException when it is not open
     */
    int accessMode(long fd) throws IOException;

    /**
     * Sends bytes with descriptors attached ({@code SCM_RIGHTS} on a Unix-domain socket): the
     * receiver gets its own copies of them, as {@code dup} makes; the sender's stay open.
     *
     * @param fd the socket
     * @param src the bytes, heap or native, at least one
     * @param fds the descriptors to send, from {@code offset}
     * @param offset the first one
     * @param count how many, at most {@link #MAX_FDS_PER_MESSAGE}
     * @param datagram {@code true} on a datagram socket: {@code src} is sent whole or refused,
     *     never cut; a stream may take part of it
     * @return bytes sent, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS refuses, for example a descriptor that is not open
     *     ({@code EBADF}), or a datagram larger than the socket's send buffer
     */
    int sendWithFds(long fd, MemorySegment src, int[] fds, int offset, int count, boolean datagram) throws IOException;

    /**
     * Receives bytes and any descriptors sent with them, close-on-exec.
     *
     * @param fd the socket
     * @param dst where the bytes go, heap or native
     * @param fds where the received descriptors go; its length bounds how many can be received,
     *     and those the sender sent beyond it are closed by the OS
     * @param received set to the number of descriptors received ({@code [0]}), whether some
     *     were dropped for want of room ({@code [1]}, 1 or 0), and whether a datagram was longer
     *     than {@code dst} and cut ({@code [2]}, 1 or 0)
     * @param datagram {@code true} on a datagram socket: as much of the datagram as {@code dst}
     *     holds is stored; a stream may store less than there is room for
     * @return bytes received (0 at end of stream), or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS refuses
     */
    int receiveWithFds(long fd, MemorySegment dst, int[] fds, int[] received, boolean datagram) throws IOException;

    /** The most descriptors one message can carry (Linux's {@code SCM_MAX_FD}). */
    int MAX_FDS_PER_MESSAGE = 253;
}
