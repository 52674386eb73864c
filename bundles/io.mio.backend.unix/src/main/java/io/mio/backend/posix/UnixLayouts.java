package io.mio.backend.posix;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The C structures the POSIX socket code builds or reads, as one Unix on one architecture lays
 * them out. Each is a named {@link StructLayout} whose members carry the C names, so that the
 * code reads every offset by name and a test compares every size and offset with independent
 * sources.
 *
 * @param iovec {@code struct iovec}
 * @param msghdr {@code struct msghdr}
 * @param mmsghdr {@code struct mmsghdr}, or null where the OS has no {@code recvmmsg}
 * @param cmsghdr {@code struct cmsghdr}, the header of a control message
 * @param cmsgAlignment what {@code CMSG_ALIGN} rounds to: a {@code size_t} on Linux, an
 *     {@code int} or a {@code long} on the BSDs
 * @param peerCredentials what the OS's peer-credentials option fills ({@code struct ucred} on
 *     Linux, {@code xucred}, {@code sockpeercred} or {@code unpcbid} elsewhere), by its C tag
 * @param kevent {@code struct kevent}, or null where the OS has no kqueue
 * @param linger {@code struct linger}
 * @param pollfd {@code struct pollfd}
 * @param nfds {@code nfds_t}, the count {@code poll} takes: an {@code unsigned long} on Linux, an
 *     {@code unsigned int} on the BSDs — the one scalar whose width the calls must be told
 * @param sockaddrIn {@code struct sockaddr_in}
 * @param sockaddrIn6 {@code struct sockaddr_in6}
 * @param sockaddrUn {@code struct sockaddr_un}
 * @param sockaddrStorage {@code struct sockaddr_storage}
 */
record UnixLayouts(
        StructLayout iovec,
        StructLayout msghdr,
        StructLayout mmsghdr,
        StructLayout cmsghdr,
        long cmsgAlignment,
        StructLayout peerCredentials,
        StructLayout linger,
        StructLayout pollfd,
        ValueLayout nfds,
        StructLayout sockaddrIn,
        StructLayout sockaddrIn6,
        StructLayout sockaddrUn,
        StructLayout sockaddrStorage,
        StructLayout kevent) {

    /** {@code struct iovec}, the same on every LP64 Unix. */
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("iov_base"), // an address, written as a number
            ValueLayout.JAVA_LONG.withName("iov_len")).withName("iovec");

    /** {@code struct linger}, the same on every Unix. */
    static final StructLayout LINGER = ints("linger", "l_onoff", "l_linger");

    /** {@code struct pollfd}, the same on every Unix. */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("fd"),
            ValueLayout.JAVA_SHORT.withName("events"),
            ValueLayout.JAVA_SHORT.withName("revents")).withName("pollfd");

    /**
     * A structure of {@code int}s alone, such as {@code struct ucred}.
     *
     * @param struct its C tag
     * @param members its members' names, in order
     * @return the layout
     */
    static StructLayout ints(String struct, String... members) {
        MemoryLayout[] layouts = new MemoryLayout[members.length];
        for (int i = 0; i < members.length; i++) {
            layouts[i] = ValueLayout.JAVA_INT.withName(members[i]);
        }
        return MemoryLayout.structLayout(layouts).withName(struct);
    }

    /** {@code nfds_t} where it is an {@code unsigned int}. */
    static final ValueLayout NFDS_INT = ValueLayout.JAVA_INT.withName("nfds_t");

    /** {@code nfds_t} where it is an {@code unsigned long}. */
    static final ValueLayout NFDS_LONG = ValueLayout.JAVA_LONG.withName("nfds_t");

    /** Checks that every structure every Unix has is given and named. */
    public UnixLayouts {
        for (StructLayout required : new StructLayout[] {iovec, msghdr, cmsghdr, linger, pollfd, sockaddrIn, sockaddrIn6, sockaddrUn, sockaddrStorage}) {
            Objects.requireNonNull(required, "a structure every Unix has");
            required.name().orElseThrow(() -> new IllegalArgumentException("an unnamed layout: " + required));
        }
        if (nfds.carrier() != int.class && nfds.carrier() != long.class) {
            throw new IllegalArgumentException("nfds_t is an unsigned int or an unsigned long, not " + nfds);
        }
        if (Long.bitCount(cmsgAlignment) != 1) {
            throw new IllegalArgumentException("CMSG_ALIGN rounds to a power of two, not " + cmsgAlignment);
        }
    }

    /**
     * Every structure this OS has, by its C name ({@code "sockaddr_in"}).
     *
     * @return the layouts, in declaration order
     */
    public Map<String, StructLayout> byName() {
        Map<String, StructLayout> all = new LinkedHashMap<>();
        for (StructLayout layout : new StructLayout[] {iovec, msghdr, mmsghdr, cmsghdr, peerCredentials, linger, pollfd, sockaddrIn, sockaddrIn6, sockaddrUn, sockaddrStorage, kevent}) {
            if (layout != null) {
                all.put(layout.name().orElseThrow(), layout);
            }
        }
        return all;
    }
}
