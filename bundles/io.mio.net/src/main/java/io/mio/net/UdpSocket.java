package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.Adoption;
import io.mio.internal.transfer.DatagramIo;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.util.Objects;
import java.util.Set;

/**
 * A non-blocking UDP socket.
 *
 * <p>Register it for {@link io.mio.Interest#READABLE}; on each event, receive until a call
 * returns {@link #WOULD_BLOCK} (or {@code null} from {@link #recvFrom}): the event is
 * edge-triggered, so datagrams left queued produce no further event.
 *
 * {@snippet class="io.mio.examples.UdpEchoServer" region="echo"}
 *
 * <h2>Would-block is -1 here</h2>
 * A datagram may be empty, so 0 is a length like any other: receives and sends return
 * {@link #WOULD_BLOCK} (-1) when they would block, unlike the stream sockets, which return 0.
 *
 * <h2>Truncation</h2>
 * A datagram larger than the space given is truncated as the OS does it: what fits is stored and
 * the rest is discarded. The receive methods return the datagram's full length, so a return value
 * larger than the space given says it was truncated ({@link Datagram#truncated()} says it for
 * {@link #recvFrom}). Where the OS tells only that a datagram was cut, not how long it was, the
 * length returned is one more than the space: larger, so truncation is never silent, but not the
 * sender's length. A buffer of 65,536 bytes holds any UDP datagram.
 *
 * <h2>Connected sockets</h2>
 * After {@link #connect}, {@link #send} and {@link #recv} talk to that peer only, and datagrams
 * from others are dropped by the OS. Connecting again changes the peer.
 */
public final class UdpSocket extends InetSocket {
    /** What a send or receive returns when it would block. */
    public static final int WOULD_BLOCK = DatagramIo.WOULD_BLOCK;

    private static final Set<SocketOption<?>> OPTIONS = SocketOptionMap.availableOf(Set.of(
            StandardSocketOptions.SO_BROADCAST, StandardSocketOptions.SO_REUSEADDR,
            StandardSocketOptions.SO_REUSEPORT, StandardSocketOptions.SO_RCVBUF,
            StandardSocketOptions.SO_SNDBUF, StandardSocketOptions.IP_TOS,
            StandardSocketOptions.IP_MULTICAST_TTL, StandardSocketOptions.IP_MULTICAST_LOOP,
            StandardSocketOptions.IP_MULTICAST_IF));

    private UdpSocket(IoSource io, boolean ipv6) {
        super(io, ipv6);
    }

    /**
     * Wraps a descriptor the program opened elsewhere — inherited, received with
     * {@code receiveWithFds}, or made by a foreign call — as Mio's {@code from_raw_fd} does. It
     * is checked to be a UDP (IPv4 or IPv6 datagram) socket, then made non-blocking and close-on-exec.
     *
     * @param fd the descriptor; it becomes this object's only when this method returns, and stays
     *     the caller's when it throws
     * @return the UdpSocket
     * @throws IllegalArgumentException when {@code fd} is negative or a socket of another kind
     * @throws IOException when {@code fd} is not open or not a socket
     */
    public static UdpSocket fromRawFd(int fd) throws IOException {
        Adoption.AdoptedSocket adopted = Adoption.socket(fd, Adoption.SocketType.UDP_SOCKET);
        return new UdpSocket(adopted.io(), adopted.ipv6());
    }

    /**
     * Opens a UDP socket bound to {@code address}.
     *
     * @param address the local address; port 0 lets the OS choose (see {@link #localAddress()})
     * @return the socket
     * @throws java.net.BindException when the address is in use or not local
     * @throws IOException when the OS refuses for another reason
     * @throws java.nio.channels.UnresolvedAddressException when the address is not resolved
     */
    public static UdpSocket bind(InetSocketAddress address) throws IOException {
        IoSource io = open(address, true, fd -> SocketIo.SOCKETS.bind(fd, address));
        return new UdpSocket(io, isIpv6(address));
    }

    /**
     * Connects the socket to {@code peer}: {@link #send} goes there, and only its datagrams are
     * received. Nothing is sent on the network.
     *
     * @param peer the peer's resolved address
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public void connect(InetSocketAddress peer) throws IOException {
        Objects.requireNonNull(peer, "peer");
        io.call(fd -> SocketIo.SOCKETS.connect(fd, peer));
    }

    /**
     * The peer this socket is connected to.
     *
     * @return the peer's address
     * @throws NotYetConnectedException when not connected
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public InetSocketAddress peerAddress() throws IOException {
        InetSocketAddress peer = peerOf(io);
        if (peer == null) {
            throw new NotYetConnectedException();
        }
        return peer;
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram to {@code target}.
     *
     * @param src the datagram; its position advances past what was sent
     * @param target where to send it
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS refuses (a datagram too large gives {@code EMSGSIZE});
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int sendTo(ByteBuffer src, InetSocketAddress target) throws IOException {
        return DatagramIo.send(io, src, Objects.requireNonNull(target, "target"));
    }

    /**
     * Sends {@code src} as one datagram to {@code target}.
     *
     * @param src the datagram
     * @param target where to send it
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int sendTo(byte[] src, InetSocketAddress target) throws IOException {
        return DatagramIo.send(io, src, 0, src.length, Objects.requireNonNull(target, "target"));
    }

    /**
     * Receives one datagram into {@code dst}'s remaining space.
     *
     * @param dst where to store it; its position advances past what was stored
     * @return the sender and the datagram's length, or {@code null} when none is queued
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public Datagram<InetSocketAddress> recvFrom(ByteBuffer dst) throws IOException {
        int space = dst.remaining();
        return datagram(DatagramIo.receive(io, dst, false), space);
    }

    /**
     * Receives one datagram into {@code dst}.
     *
     * @param dst where to store it, from index 0
     * @return the sender and the datagram's length, or {@code null} when none is queued
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public Datagram<InetSocketAddress> recvFrom(byte[] dst) throws IOException {
        return datagram(DatagramIo.receive(io, dst, 0, dst.length, false), dst.length);
    }

    /**
     * Copies the next datagram into {@code dst}'s remaining space without taking it from the
     * queue.
     *
     * @param dst where to store it; its position advances past what was stored
     * @return the sender and the datagram's length, or {@code null} when none is queued
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public Datagram<InetSocketAddress> peekFrom(ByteBuffer dst) throws IOException {
        int space = dst.remaining();
        return datagram(DatagramIo.receive(io, dst, true), space);
    }

    /**
     * Copies the next datagram into {@code dst} without taking it from the queue.
     *
     * @param dst where to store it, from index 0
     * @return the sender and the datagram's length, or {@code null} when none is queued
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public Datagram<InetSocketAddress> peekFrom(byte[] dst) throws IOException {
        return datagram(DatagramIo.receive(io, dst, 0, dst.length, true), dst.length);
    }

    /** The result of a receive into {@code space} bytes; the sender is read right after it, on this thread. */
    private static Datagram<InetSocketAddress> datagram(int length, int space) {
        return length == WOULD_BLOCK ? null : new Datagram<>((InetSocketAddress) DatagramIo.sender(), length, length > space);
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram to the connected peer.
     *
     * @param src the datagram; its position advances past what was sent
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when not connected ({@code EDESTADDRREQ}), or when the OS refuses;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int send(ByteBuffer src) throws IOException {
        return DatagramIo.send(io, src, null);
    }

    /**
     * Sends {@code src} as one datagram to the connected peer.
     *
     * @param src the datagram
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when not connected, or when the OS refuses;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int send(byte[] src) throws IOException {
        return DatagramIo.send(io, src, 0, src.length, null);
    }

    /**
     * Receives one datagram from the connected peer (or from anyone, when not connected) into
     * {@code dst}'s remaining space.
     *
     * @param dst where to store it; its position advances past what was stored
     * @return the datagram's full length (larger than the space when it was truncated), or
     *     {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error, such as {@code ECONNREFUSED} after an
     *     ICMP port unreachable; {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int recv(ByteBuffer dst) throws IOException {
        return DatagramIo.receive(io, dst, false);
    }

    /**
     * Receives one datagram into {@code dst}.
     *
     * @param dst where to store it, from index 0
     * @return the datagram's full length, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int recv(byte[] dst) throws IOException {
        return DatagramIo.receive(io, dst, 0, dst.length, false);
    }

    /**
     * Copies the next datagram into {@code dst}'s remaining space without taking it from the queue.
     *
     * @param dst where to store it; its position advances past what was stored
     * @return the datagram's full length, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int peek(ByteBuffer dst) throws IOException {
        return DatagramIo.receive(io, dst, true);
    }

    /**
     * Copies the next datagram into {@code dst} without taking it from the queue.
     *
     * @param dst where to store it, from index 0
     * @return the datagram's full length, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int peek(byte[] dst) throws IOException {
        return DatagramIo.receive(io, dst, 0, dst.length, true);
    }

    /**
     * Receives as many queued datagrams as {@code batch} holds, in one system call where the OS
     * has one ({@code recvmmsg}). The batch is emptied first and then holds what came.
     *
     * @param batch where to put the datagrams
     * @return how many were received; 0 when none was queued (it would block)
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int recvBatch(DatagramBatch batch) throws IOException {
        return batch.receiveFrom(io);
    }

    /**
     * Sends the datagrams in {@code batch}, from the first, in one system call where the OS has one
     * ({@code sendmmsg}), and removes those sent from the batch.
     *
     * @param batch the datagrams and their targets
     * @return how many were sent; 0 when the socket is full (it would block) or the batch empty
     * @throws IOException when the OS refuses the first datagram (the batch is left as it was);
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int sendBatch(DatagramBatch batch) throws IOException {
        return batch.sendTo(io);
    }

    /**
     * Allows sending to broadcast addresses ({@code SO_BROADCAST}).
     *
     * @param on {@code true} to allow
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public void setBroadcast(boolean on) throws IOException {
        setInt(SocketOpt.BROADCAST, on ? 1 : 0);
    }

    /**
     * Whether sending to broadcast addresses is allowed.
     *
     * @return {@code SO_BROADCAST}
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public boolean broadcast() throws IOException {
        return getInt(SocketOpt.BROADCAST) != 0;
    }

    /**
     * Whether IPv4 multicast this socket sends loops back to local sockets ({@code IP_MULTICAST_LOOP}).
     *
     * @param on {@code true} to loop back (the OS default)
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public void setMulticastLoopV4(boolean on) throws IOException {
        setInt(SocketOpt.MULTICAST_LOOP_V4, on ? 1 : 0);
    }

    /**
     * Whether IPv4 multicast loops back.
     *
     * @return {@code IP_MULTICAST_LOOP}
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public boolean multicastLoopV4() throws IOException {
        return getInt(SocketOpt.MULTICAST_LOOP_V4) != 0;
    }

    /**
     * Sets the time-to-live of IPv4 multicast this socket sends ({@code IP_MULTICAST_TTL}).
     *
     * @param ttl from 0 (this host only) to 255
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     * @throws IllegalArgumentException when {@code ttl} is out of range
     */
    public void setMulticastTtlV4(int ttl) throws IOException {
        setInt(SocketOpt.MULTICAST_TTL_V4, SocketOptionMap.octet("multicast TTL", ttl));
    }

    /**
     * The time-to-live of IPv4 multicast this socket sends.
     *
     * @return {@code IP_MULTICAST_TTL} (1 unless set)
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int multicastTtlV4() throws IOException {
        return getInt(SocketOpt.MULTICAST_TTL_V4);
    }

    /**
     * Whether IPv6 multicast this socket sends loops back ({@code IPV6_MULTICAST_LOOP}).
     *
     * @param on {@code true} to loop back (the OS default)
     * @throws IOException when the OS refuses, such as on an IPv4 socket;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public void setMulticastLoopV6(boolean on) throws IOException {
        setInt(SocketOpt.MULTICAST_LOOP_V6, on ? 1 : 0);
    }

    /**
     * Whether IPv6 multicast loops back.
     *
     * @return {@code IPV6_MULTICAST_LOOP}
     * @throws IOException when the OS refuses, such as on an IPv4 socket;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public boolean multicastLoopV6() throws IOException {
        return getInt(SocketOpt.MULTICAST_LOOP_V6) != 0;
    }

    /**
     * Whether this IPv6 socket is restricted to IPv6 ({@code IPV6_V6ONLY}); when it is not, it
     * also talks IPv4 through mapped addresses.
     *
     * @return the option's value
     * @throws IOException when the OS refuses, such as on an IPv4 socket;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public boolean onlyV6() throws IOException {
        return getInt(SocketOpt.IPV6_ONLY) != 0;
    }

    /**
     * Joins an IPv4 multicast group.
     *
     * @param group the group's address
     * @param interfaceAddress the address of the local interface to join on; the any-address
     *     ({@code 0.0.0.0}) lets the OS choose
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     * @throws IllegalArgumentException when {@code group} is not a multicast address
     */
    public void joinMulticastV4(Inet4Address group, Inet4Address interfaceAddress) throws IOException {
        membership(group, Objects.requireNonNull(interfaceAddress, "interfaceAddress"), 0, true);
    }

    /**
     * Leaves an IPv4 multicast group.
     *
     * @param group the group's address
     * @param interfaceAddress the interface it was joined on
     * @throws IOException when the OS refuses, such as for a group not joined;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public void leaveMulticastV4(Inet4Address group, Inet4Address interfaceAddress) throws IOException {
        membership(group, Objects.requireNonNull(interfaceAddress, "interfaceAddress"), 0, false);
    }

    /**
     * Joins an IPv6 multicast group.
     *
     * @param group the group's address
     * @param interfaceIndex the index of the interface to join on (see
     *     {@link java.net.NetworkInterface#getIndex()}); 0 lets the OS choose
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     * @throws IllegalArgumentException when {@code group} is not a multicast address
     */
    public void joinMulticastV6(Inet6Address group, int interfaceIndex) throws IOException {
        membership(group, null, interfaceIndex, true);
    }

    /**
     * Leaves an IPv6 multicast group.
     *
     * @param group the group's address
     * @param interfaceIndex the interface it was joined on
     * @throws IOException when the OS refuses, such as for a group not joined;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public void leaveMulticastV6(Inet6Address group, int interfaceIndex) throws IOException {
        membership(group, null, interfaceIndex, false);
    }

    private void membership(java.net.InetAddress group, Inet4Address interfaceAddress, int interfaceIndex, boolean join)
            throws IOException {
        if (!Objects.requireNonNull(group, "group").isMulticastAddress()) {
            throw new IllegalArgumentException(group + " is not a multicast address");
        }
        if (interfaceIndex < 0) {
            throw new IllegalArgumentException("negative interface index " + interfaceIndex);
        }
        io.call(fd -> {
            SocketIo.SOCKETS.multicastMembership(fd, group, interfaceAddress, interfaceIndex, join);
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>As with a {@code DatagramChannel}, the three multicast options are those of the
     * socket's family: on an IPv6 socket they set {@code IPV6_MULTICAST_HOPS},
     * {@code IPV6_MULTICAST_LOOP} and {@code IPV6_MULTICAST_IF}, which govern what it sends to
     * IPv6 groups ({@link #setMulticastTtlV4} and the other methods named for a family set that
     * family's option on any socket).
     *
     * @return {@code SO_BROADCAST}, {@code SO_REUSEADDR}, {@code SO_REUSEPORT} (where the OS has
     *     it), {@code SO_RCVBUF}, {@code SO_SNDBUF}, {@code IP_TOS}, {@code IP_MULTICAST_TTL},
     *     {@code IP_MULTICAST_LOOP} and {@code IP_MULTICAST_IF}
     */
    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return OPTIONS;
    }
}
