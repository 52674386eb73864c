package io.mio.spi;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * One OS's socket calls, on descriptors the caller holds open for the length of each call (see
 * {@link Descriptor#acquire()}).
 *
 * <p>Transfers return a byte count or an {@link IoStatus} value; they never throw for
 * would-block. Every other failure is the {@link IOException} subclass a Java user expects
 * ({@link java.net.BindException}, {@link java.net.ConnectException},
 * {@link java.net.SocketException} with the OS's message), naming the call that failed.
 * Memory arguments may be heap or native segments, held for the call as {@link OsMemory} says.
 *
 * <p>No call may block: each is made so that it returns at once even on a descriptor another
 * holder made blocking ({@code MSG_DONTWAIT} on sockets), and one that has no such flag is not
 * linked {@code critical}, as a blocked critical call would freeze the whole JVM.
 */
public interface Sockets extends Descriptor.Closer {
    /**
     * Opens a TCP socket, non-blocking and close-on-exec in one call.
     *
     * @param ipv6 {@code true} for IPv6, else IPv4
     * @return the new socket's handle
     * @throws IOException when the OS refuses
     */
    long openTcp(boolean ipv6) throws IOException;

    /**
     * Opens a UDP socket, non-blocking and close-on-exec in one call.
     *
     * @param ipv6 {@code true} for IPv6, else IPv4
     * @return the new descriptor
     * @throws IOException when the OS refuses
     */
    long openUdp(boolean ipv6) throws IOException;

    /**
     * Opens a Unix-domain socket, non-blocking and close-on-exec in one call (Windows has
     * stream sockets of this family too, not datagram ones).
     *
     * @param datagram {@code true} for a datagram socket, else a stream socket
     * @return the new descriptor
     * @throws IOException when the OS refuses
     */
    long openUnix(boolean datagram) throws IOException;

    /**
     * Binds a socket.
     *
     * @param fd the socket
     * @param address a resolved {@link java.net.InetSocketAddress} or a {@link UnixName}, of the
     *     socket's family
     * @throws IOException {@link java.net.BindException} when the address is taken or not local
     */
    void bind(long fd, SocketAddress address) throws IOException;

    /**
     * Makes a bound socket listen.
     *
     * @param fd the socket
     * @param backlog the accept queue's length
     * @throws IOException when the OS refuses
     */
    void listen(long fd, int backlog) throws IOException;

    /**
     * Accepts a connection, the new socket non-blocking and close-on-exec in one call.
     *
     * @param fd the listening socket
     * @return the new descriptor, or {@link IoStatus#WOULD_BLOCK} when none is queued
     * @throws IOException when the OS refuses, for example at its descriptor limit
     */
    long accept(long fd) throws IOException;

    /**
     * Starts a non-blocking connect.
     *
     * @param fd the socket
     * @param address a resolved address of the socket's family
     * @return {@code true} when connected at once, {@code false} when under way (an event
     *     reports the outcome)
     * @throws IOException {@link java.net.ConnectException} when refused at once
     */
    boolean connect(long fd, SocketAddress address) throws IOException;

    /**
     * The socket's own address.
     *
     * @param fd the socket
     * @return the bound address
     * @throws IOException when the OS refuses
     */
    SocketAddress localAddress(long fd) throws IOException;

    /**
     * The connected peer's address.
     *
     * @param fd the socket
     * @return the peer's address, or {@code null} when not (yet) connected
     * @throws IOException when the OS refuses for another reason
     */
    SocketAddress peerAddress(long fd) throws IOException;

    /**
     * Reads into {@code dst}.
     *
     * @param fd the socket
     * @param dst the memory to fill, its whole size
     * @param peek {@code true} to leave the data queued ({@code MSG_PEEK})
     * @return the bytes read, {@link IoStatus#EOF} or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the connection failed
     */
    int read(long fd, MemorySegment dst, boolean peek) throws IOException;

    /**
     * Reads into native memory given by its address: the path for direct buffers, whose address
     * is known without making a segment per call.
     *
     * @param fd the socket
     * @param address the first byte to fill; the caller keeps the memory alive during the call
     * @param length the most bytes to read, at least 1
     * @param peek {@code true} to leave the data queued ({@code MSG_PEEK})
     * @return the bytes read, {@link IoStatus#EOF} or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the connection failed
     */
    int read(long fd, long address, int length, boolean peek) throws IOException;

    /**
     * Writes from native memory given by its address; never raises {@code SIGPIPE}.
     *
     * @param fd the socket
     * @param address the first byte to send; the caller keeps the memory alive during the call
     * @param length the bytes to send, at least 1
     * @return the bytes written, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the connection failed
     */
    int write(long fd, long address, int length) throws IOException;

    /**
     * Writes from {@code src}; never raises {@code SIGPIPE}.
     *
     * @param fd the socket
     * @param src the bytes to send, its whole size
     * @return the bytes written, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the connection failed
     */
    int write(long fd, MemorySegment src) throws IOException;

    /**
     * Receives one datagram into {@code dst}, truncating it to fit as the OS does, and its sender
     * into {@code sender}.
     *
     * @param fd the socket
     * @param dst the memory to fill, its whole size
     * @param peek {@code true} to leave the datagram queued
     * @param sender {@link #SOCKADDR_SIZE} bytes of native memory the caller owns, where the
     *     sender's {@code sockaddr} and its length go (read it with {@link #decodeAddress}), or
     *     {@link MemorySegment#NULL} when the caller does not want it
     * @return the datagram's full length, which exceeds {@code dst}'s size when it was truncated
     *     (one more than that size where the OS does not tell the full length), or
     *     {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS reports an error, such as an ICMP port unreachable
     */
    int receive(long fd, MemorySegment dst, boolean peek, MemorySegment sender) throws IOException;

    /**
     * Receives one datagram into native memory given by its address; see
     * {@link #receive(int, MemorySegment, boolean, MemorySegment)}.
     *
     * @param fd the socket
     * @param address the first byte to fill; the caller keeps the memory alive during the call
     * @param length the space there
     * @param peek {@code true} to leave the datagram queued
     * @param sender where the sender goes, or {@link MemorySegment#NULL}
     * @return the datagram's full length, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS reports an error
     */
    int receive(long fd, long address, int length, boolean peek, MemorySegment sender) throws IOException;

    /**
     * Sends one datagram from {@code src}; never raises {@code SIGPIPE}.
     *
     * @param fd the socket
     * @param src the datagram, its whole size
     * @param target where to send it, or {@code null} for a connected socket's peer
     * @return the bytes sent, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS refuses
     */
    int send(long fd, MemorySegment src, SocketAddress target) throws IOException;

    /**
     * Sends one datagram from native memory given by its address; see
     * {@link #send(int, MemorySegment, SocketAddress)}.
     *
     * @param fd the socket
     * @param address the first byte; the caller keeps the memory alive during the call
     * @param length the datagram's length
     * @param target where to send it, or {@code null} for a connected socket's peer
     * @return the bytes sent, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the OS refuses
     */
    int send(long fd, long address, int length, SocketAddress target) throws IOException;

    /**
     * Receives up to {@code count} datagrams in as few calls as the OS allows. Datagram {@code i}
     * goes to {@code data} at {@code i * slotSize}, truncated to the slot; its full length to
     * {@code lengths[i]} (larger than {@code slotSize} when truncated: {@code slotSize + 1} where
     * the OS does not tell the full length); its sender's
     * {@code sockaddr} to {@code senders} at {@code i * SOCKADDR_SIZE}.
     *
     * <p>This default is the portable loop of single receives; a backend whose OS has a batch
     * call ({@code recvmmsg}) overrides it.
     *
     * @param fd the socket
     * @param data the slots, at least {@code count * slotSize} bytes
     * @param slotSize the bytes per datagram
     * @param count how many datagrams at most
     * @param senders native memory for the senders' addresses, {@code count * SOCKADDR_SIZE} bytes
     * @param lengths where the lengths go
     * @return how many datagrams were received, 0 when none was queued
     * @throws IOException when the OS reports an error before any datagram was received
     */
    default int receiveMany(long fd, MemorySegment data, int slotSize, int count, MemorySegment senders, int[] lengths)
            throws IOException {
        return PortableBatch.receiveMany(this, fd, data, slotSize, count, senders, lengths);
    }

    /**
     * Sends datagrams {@code 0} to {@code count - 1} in as few calls as the OS allows; datagram
     * {@code i} is {@code lengths[i]} bytes at {@code data + i * slotSize}, sent to
     * {@code targets[i]} (or the connected peer when it is {@code null}).
     *
     * <p>This default is the portable loop of single sends; a backend whose OS has a batch call
     * ({@code sendmmsg}) overrides it.
     *
     * @param fd the socket
     * @param data the slots
     * @param slotSize the bytes per slot
     * @param count how many datagrams
     * @param lengths their lengths
     * @param targets their destinations
     * @return how many datagrams were sent, from the first; 0 when the first would block
     * @throws IOException when the OS refuses the first datagram
     */
    default int sendMany(long fd, MemorySegment data, int slotSize, int count, int[] lengths, SocketAddress[] targets)
            throws IOException {
        return PortableBatch.sendMany(this, fd, data, slotSize, count, lengths, targets);
    }

    /**
     * The room one sender address takes, in {@link #receive}'s {@code sender} and in
     * {@link #receiveMany}'s {@code senders}: a
     * {@code sockaddr_storage}, whose last four bytes (at {@link #SOCKADDR_LENGTH_OFFSET}) hold
     * the address's length — a Unix-domain name is read by its length, not up to a NUL.
     */
    int SOCKADDR_SIZE = 128;

    /** Where in a sender slot its length is kept: past the longest {@code sockaddr} (110 bytes). */
    int SOCKADDR_LENGTH_OFFSET = 124;

    /**
     * Reads a sender that {@link #receive} or {@link #receiveMany} stored.
     *
     * @param sockaddr {@link #SOCKADDR_SIZE} bytes
     * @return the address; an unnamed {@link UnixName} for an unbound Unix-domain sender
     */
    SocketAddress decodeAddress(MemorySegment sockaddr);

    /**
     * Joins or leaves a multicast group.
     *
     * @param fd the socket
     * @param group an IPv4 or IPv6 multicast address
     * @param interfaceAddress for IPv4, the local interface's address (the any-address lets the
     *     OS choose); ignored for IPv6
     * @param interfaceIndex for IPv6, the interface's index (0 lets the OS choose); ignored for
     *     IPv4
     * @param join {@code true} to join, {@code false} to leave
     * @throws IOException when the OS refuses (such as leaving a group not joined)
     */
    void multicastMembership(long fd, java.net.InetAddress group, java.net.InetAddress interfaceAddress,
            int interfaceIndex, boolean join) throws IOException;

    /**
     * Reads into buffers in one call, filling each from its position to its limit. The caller
     * advances the positions.
     *
     * @param fd the socket
     * @param dsts direct buffers that own their memory, kept reachable by the caller
     * @param bases each buffer's {@link OsMemory#ownedBase}, from index 0 for {@code dsts[offset]}:
     *     the gate's answer, so that the backend asks nothing again
     * @param offset the first buffer to use
     * @param length how many buffers to use
     * @return the bytes read, {@link IoStatus#EOF} or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the connection failed
     */
    long readv(long fd, ByteBuffer[] dsts, long[] bases, int offset, int length) throws IOException;

    /**
     * Writes from buffers in one call; never raises {@code SIGPIPE}. The caller advances the
     * positions.
     *
     * @param fd the socket
     * @param srcs direct buffers that own their memory, kept reachable by the caller
     * @param bases each buffer's {@link OsMemory#ownedBase}, from index 0 for {@code srcs[offset]}
     * @param offset the first buffer to use
     * @param length how many buffers to use
     * @return the bytes written, or {@link IoStatus#WOULD_BLOCK}
     * @throws IOException when the connection failed
     */
    long writev(long fd, ByteBuffer[] srcs, long[] bases, int offset, int length) throws IOException;

    /**
     * Shuts down one or both halves of a connection.
     *
     * @param fd the socket
     * @param read shut the read half
     * @param write shut the write half
     * @throws IOException {@link java.nio.channels.NotYetConnectedException} is the caller's to
     *     throw; this throws when the OS refuses
     */
    void shutdown(long fd, boolean read, boolean write) throws IOException;

    /**
     * Whether this OS has an option, so that a socket lists in its supported options only what
     * {@link #setOption} can set here.
     *
     * @param option the option
     * @return true by default: the options every OS Mio runs on has
     */
    default boolean supports(SocketOpt option) {
        return true;
    }

    /**
     * Sets an option.
     *
     * @param fd the socket
     * @param ipv6 the socket's family, for options that differ between IPv4 and IPv6
     * @param option the option
     * @param value its value, as {@link SocketOpt} describes
     * @throws IOException when the OS refuses
     */
    void setOption(long fd, boolean ipv6, SocketOpt option, int value) throws IOException;

    /**
     * Reads an option.
     *
     * @param fd the socket
     * @param ipv6 the socket's family
     * @param option the option
     * @return its value, as {@link SocketOpt} describes
     * @throws IOException when the OS refuses
     */
    int getOption(long fd, boolean ipv6, SocketOpt option) throws IOException;

    /**
     * Reads and clears the socket's pending error ({@code SO_ERROR}).
     *
     * @param fd the socket
     * @param call the operation the error belongs to, for the message (such as {@code "connect"})
     * @return the error as the exception a user expects, or {@code null} when there is none
     * @throws IOException when the OS refuses to say
     */
    IOException takeError(long fd, String call) throws IOException;

    /**
     * Says what kind of socket a descriptor is.
     *
     * @param fd the descriptor
     * @return its family and type
     * @throws IOException when it is not a socket, or not open
     */
    SocketKind socketKind(long fd) throws IOException;

    /**
     * Makes a descriptor the program opened elsewhere behave as Mio's own: non-blocking and
     * close-on-exec.
     *
     * @param fd the descriptor
     * @throws IOException when the OS refuses
     */
    void adopt(long fd) throws IOException;

}
