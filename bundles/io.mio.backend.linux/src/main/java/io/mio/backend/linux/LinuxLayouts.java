package io.mio.backend.linux;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;

/**
 * The C structures this backend builds or reads, declared once as named layouts (LP64 Linux:
 * x86_64 and aarch64 alike, but for {@code epoll_event}, which {@link Epoll} declares per
 * architecture). Every member is named as the C headers name it, and
 * {@code LinuxAbiTest} compares each size and offset with what the system's compiler says.
 * The code reads offsets from here, never as literals.
 */
final class LinuxLayouts {
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfInt SOCKLEN_T = ValueLayout.JAVA_INT;

    /** {@code struct iovec { void *iov_base; size_t iov_len; }}. */
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("iov_base"), // an address, written as a number
            SIZE_T.withName("iov_len")).withName("iovec");

    /** {@code struct msghdr}. */
    static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("msg_name"),
            SOCKLEN_T.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("msg_iov"),
            SIZE_T.withName("msg_iovlen"),
            ValueLayout.JAVA_LONG.withName("msg_control"),
            SIZE_T.withName("msg_controllen"),
            ValueLayout.JAVA_INT.withName("msg_flags"),
            MemoryLayout.paddingLayout(4)).withName("msghdr");

    /** {@code struct mmsghdr { struct msghdr msg_hdr; unsigned int msg_len; }}. */
    static final StructLayout MMSGHDR = MemoryLayout.structLayout(
            MSGHDR.withName("msg_hdr"),
            ValueLayout.JAVA_INT.withName("msg_len"),
            MemoryLayout.paddingLayout(4)).withName("mmsghdr");

    /** {@code struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; }}, then the data. */
    static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            SIZE_T.withName("cmsg_len"),
            ValueLayout.JAVA_INT.withName("cmsg_level"),
            ValueLayout.JAVA_INT.withName("cmsg_type")).withName("cmsghdr");

    /** {@code struct ucred { pid_t pid; uid_t uid; gid_t gid; }}: {@code SO_PEERCRED}. */
    static final StructLayout UCRED = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("pid"),
            ValueLayout.JAVA_INT.withName("uid"),
            ValueLayout.JAVA_INT.withName("gid")).withName("ucred");

    /** {@code struct linger { int l_onoff; int l_linger; }}. */
    static final StructLayout LINGER = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("l_onoff"),
            ValueLayout.JAVA_INT.withName("l_linger")).withName("linger");

    /** {@code struct pollfd { long fd; short events; short revents; }}. */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("fd"),
            ValueLayout.JAVA_SHORT.withName("events"),
            ValueLayout.JAVA_SHORT.withName("revents")).withName("pollfd");

    /** {@code struct sockaddr_in}; the port and address are in network order. */
    static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("sin_family"),
            ValueLayout.JAVA_SHORT.withName("sin_port"),
            ValueLayout.JAVA_INT.withName("sin_addr"),
            MemoryLayout.paddingLayout(8)).withName("sockaddr_in");

    /** {@code struct sockaddr_in6}. */
    static final StructLayout SOCKADDR_IN6 = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("sin6_family"),
            ValueLayout.JAVA_SHORT.withName("sin6_port"),
            ValueLayout.JAVA_INT.withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("sin6_addr"),
            ValueLayout.JAVA_INT.withName("sin6_scope_id")).withName("sockaddr_in6");

    /** {@code struct sockaddr_un { sa_family_t sun_family; char sun_path[108]; }}. */
    static final StructLayout SOCKADDR_UN = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("sun_family"),
            MemoryLayout.sequenceLayout(108, ValueLayout.JAVA_BYTE).withName("sun_path")).withName("sockaddr_un");

    /** {@code struct sockaddr_storage}: room for any address. */
    static final StructLayout SOCKADDR_STORAGE = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("ss_family"),
            MemoryLayout.paddingLayout(126)).withName("sockaddr_storage");

    /** Every layout above, by its C name: what the ABI test checks. */
    static final Map<String, StructLayout> ALL = Map.ofEntries(
            Map.entry("iovec", IOVEC), Map.entry("msghdr", MSGHDR), Map.entry("mmsghdr", MMSGHDR),
            Map.entry("cmsghdr", CMSGHDR), Map.entry("ucred", UCRED), Map.entry("linger", LINGER),
            Map.entry("pollfd", POLLFD), Map.entry("sockaddr_in", SOCKADDR_IN),
            Map.entry("sockaddr_in6", SOCKADDR_IN6), Map.entry("sockaddr_un", SOCKADDR_UN),
            Map.entry("sockaddr_storage", SOCKADDR_STORAGE));

    private LinuxLayouts() {}

    /**
     * The offset of a member.
     *
     * @param layout the structure
     * @param member the member's C name
     * @return its offset in bytes
     */
    static long offset(StructLayout layout, String member) {
        return layout.byteOffset(groupElement(member));
    }
}
