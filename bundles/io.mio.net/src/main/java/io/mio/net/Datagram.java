package io.mio.net;

import java.net.InetSocketAddress;

/**
 * What {@link UdpSocket#recvFrom} tells about the datagram it received.
 *
 * @param sender where the datagram came from
 * @param length the datagram's full length as sent, which may exceed what was stored
 * @param truncated {@code true} when the datagram did not fit the space given: the OS stored
 *     what fitted and discarded the rest
 */
public record Datagram(InetSocketAddress sender, int length, boolean truncated) {}
