package io.mio.net;

import java.net.SocketAddress;

/**
 * What {@link UdpSocket#recvFrom} and {@link UnixDatagram#recvFrom} tell about the datagram they
 * received.
 *
 * @param <A> the sender's address type

 * @param sender where the datagram came from
 * @param length the datagram's full length as sent, which may exceed what was stored; where the
 *     OS does not tell a truncated datagram's length, one more than the space given
 * @param truncated {@code true} when the datagram did not fit the space given: the OS stored
 *     what fitted and discarded the rest
 */
public record Datagram<A extends SocketAddress>(A sender, int length, boolean truncated) {}
