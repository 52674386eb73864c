package io.mio.backend.posix;

import static io.mio.backend.posix.Libc.C_INT;
import static io.mio.backend.posix.Libc.C_LONG;
import static io.mio.backend.posix.Libc.C_POINTER;
import static io.mio.backend.posix.Libc.C_SIZE_T;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The socket calls of {@code <sys/socket.h>} and {@code <sys/uio.h>}, each returning its result or
 * {@code -errno}, with the constants they take, bound from this OS's table ({@link Abi}); those
 * an OS may lack are -1 (an option) or 0 (a flag) there.
 *
 * <p>A call linked {@code critical} holds off safepoints while it runs, so one that blocked would
 * freeze the whole JVM (no GC, no jstack, no SIGTERM). The transfers are linked critical, which
 * lets them take heap memory without a copy, and each is given {@link #MSG_DONTWAIT}: it cannot
 * block even on a descriptor another holder made blocking. {@code accept4} has no such flag and
 * is an ordinary call; so are {@code connect}, {@code bind} and {@code listen}, which are rare.
 *
 * <p>Each function is linked on first use, through a holder class of its own: linking spins
 * bytecode that the JIT then compiles, and a program that uses a third of these calls should not
 * carry the rest (measured: an idle echo server 81 MB RSS with all linked at start, 75 MB lazily,
 * median of 5). The handle stays a {@code static final}, so the call site is as fast.
 */
final class Net {
    static final int AF_UNIX = Abi.constant(UnixConstant.AF_UNIX);
    static final int AF_INET = Abi.constant(UnixConstant.AF_INET);
    static final int AF_INET6 = Abi.constant(UnixConstant.AF_INET6);
    static final int SOCK_STREAM = Abi.constant(UnixConstant.SOCK_STREAM);
    static final int SOCK_DGRAM = Abi.constant(UnixConstant.SOCK_DGRAM);
    static final int SOCK_RAW = Abi.constant(UnixConstant.SOCK_RAW);
    static final int SOCK_SEQPACKET = Abi.constant(UnixConstant.SOCK_SEQPACKET);
    static final int SOCK_NONBLOCK = Abi.current().constants().getOr(UnixConstant.SOCK_NONBLOCK, 0);
    static final int SOCK_CLOEXEC = Abi.current().constants().getOr(UnixConstant.SOCK_CLOEXEC, 0);

    static final int SOL_SOCKET = Abi.constant(UnixConstant.SOL_SOCKET);
    static final int SO_REUSEADDR = Abi.constant(UnixConstant.SO_REUSEADDR);
    static final int SO_ERROR = Abi.constant(UnixConstant.SO_ERROR);
    static final int SO_SNDBUF = Abi.constant(UnixConstant.SO_SNDBUF);
    static final int SO_RCVBUF = Abi.constant(UnixConstant.SO_RCVBUF);
    static final int SO_KEEPALIVE = Abi.constant(UnixConstant.SO_KEEPALIVE);
    static final int SO_LINGER = Abi.constant(UnixConstant.SO_LINGER);
    static final int SO_REUSEPORT = Abi.constant(UnixConstant.SO_REUSEPORT);
    static final int SO_TYPE = Abi.constant(UnixConstant.SO_TYPE);
    static final int SO_ACCEPTCONN = Abi.constant(UnixConstant.SO_ACCEPTCONN);
    static final int SO_PROTOCOL = Abi.current().constants().getOr(UnixConstant.SO_PROTOCOL, -1);
    static final int SO_NOSIGPIPE = Abi.current().constants().getOr(UnixConstant.SO_NOSIGPIPE, -1);
    static final int IPPROTO_IP = Abi.constant(UnixConstant.IPPROTO_IP);
    static final int IP_TOS = Abi.constant(UnixConstant.IP_TOS);
    static final int IP_TTL = Abi.constant(UnixConstant.IP_TTL);
    static final int IPPROTO_TCP = Abi.constant(UnixConstant.IPPROTO_TCP);
    static final int TCP_NODELAY = Abi.constant(UnixConstant.TCP_NODELAY);
    /** Keep-alive tuning and quick acknowledgements: -1 where the OS has none (see supports). */
    static final int TCP_KEEPIDLE = Abi.current().constants().getOr(UnixConstant.TCP_KEEPIDLE, -1);
    static final int TCP_KEEPINTVL = Abi.current().constants().getOr(UnixConstant.TCP_KEEPINTVL, -1);
    static final int TCP_KEEPCNT = Abi.current().constants().getOr(UnixConstant.TCP_KEEPCNT, -1);
    static final int TCP_QUICKACK = Abi.current().constants().getOr(UnixConstant.TCP_QUICKACK, -1);
    static final int IPPROTO_UDP = Abi.constant(UnixConstant.IPPROTO_UDP);
    static final int SO_BROADCAST = Abi.constant(UnixConstant.SO_BROADCAST);
    static final int IP_MULTICAST_IF = Abi.constant(UnixConstant.IP_MULTICAST_IF);
    static final int IP_MULTICAST_TTL = Abi.constant(UnixConstant.IP_MULTICAST_TTL);
    static final int IP_MULTICAST_LOOP = Abi.constant(UnixConstant.IP_MULTICAST_LOOP);
    static final int IP_ADD_MEMBERSHIP = Abi.constant(UnixConstant.IP_ADD_MEMBERSHIP);
    static final int IP_DROP_MEMBERSHIP = Abi.constant(UnixConstant.IP_DROP_MEMBERSHIP);
    static final int IPPROTO_IPV6 = Abi.constant(UnixConstant.IPPROTO_IPV6);
    static final int IPV6_MULTICAST_LOOP = Abi.constant(UnixConstant.IPV6_MULTICAST_LOOP);
    static final int IPV6_MULTICAST_HOPS = Abi.constant(UnixConstant.IPV6_MULTICAST_HOPS);
    static final int IPV6_MULTICAST_IF = Abi.constant(UnixConstant.IPV6_MULTICAST_IF);
    static final int IPV6_ADD_MEMBERSHIP = Abi.constant(UnixConstant.IPV6_ADD_MEMBERSHIP);
    static final int IPV6_DROP_MEMBERSHIP = Abi.constant(UnixConstant.IPV6_DROP_MEMBERSHIP);
    static final int IPV6_UNICAST_HOPS = Abi.constant(UnixConstant.IPV6_UNICAST_HOPS);
    static final int IPV6_V6ONLY = Abi.constant(UnixConstant.IPV6_V6ONLY);
    static final int IPV6_TCLASS = Abi.constant(UnixConstant.IPV6_TCLASS);

    static final int SHUT_RD = Abi.constant(UnixConstant.SHUT_RD);
    static final int SHUT_WR = Abi.constant(UnixConstant.SHUT_WR);
    static final int SHUT_RDWR = Abi.constant(UnixConstant.SHUT_RDWR);
    static final int MSG_PEEK = Abi.constant(UnixConstant.MSG_PEEK);
    static final int MSG_TRUNC = Abi.constant(UnixConstant.MSG_TRUNC);
    static final int MSG_DONTWAIT = Abi.constant(UnixConstant.MSG_DONTWAIT);
    static final int MSG_NOSIGNAL = Abi.current().constants().getOr(UnixConstant.MSG_NOSIGNAL, 0);

    private static final class Socket {
        static final MethodHandle HANDLE = Libc.downcall("socket",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT), true);
    }
    private static final class Socketpair {
        static final MethodHandle HANDLE = Libc.downcall("socketpair",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER), true);
    }
    private static final class Bind {
        static final MethodHandle HANDLE = Libc.downcall("bind",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT), false);
    }
    private static final class Listen {
        static final MethodHandle HANDLE = Libc.downcall("listen",
                FunctionDescriptor.of(C_INT, C_INT, C_INT), false);
    }
    private static final class Accept4 {
        static final MethodHandle HANDLE = Libc.downcall("accept4",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_INT), false);
    }
    // The portable accept, for an OS without accept4; it blocks on a blocking listener: not critical.
    private static final class Accept {
        static final MethodHandle HANDLE = Libc.downcall("accept",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER), false);
    }
    private static final class Connect {
        static final MethodHandle HANDLE = Libc.downcall("connect",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT), false);
    }
    private static final class Getsockname {
        static final MethodHandle HANDLE = Libc.downcall("getsockname",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER), true);
    }
    private static final class Getpeername {
        static final MethodHandle HANDLE = Libc.downcall("getpeername",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER), true);
    }
    private static final class Setsockopt {
        static final MethodHandle HANDLE = Libc.downcall("setsockopt",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT), true);
    }
    private static final class Getsockopt {
        static final MethodHandle HANDLE = Libc.downcall("getsockopt",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_POINTER), true);
    }
    private static final class Shutdown {
        static final MethodHandle HANDLE = Libc.downcall("shutdown",
                FunctionDescriptor.of(C_INT, C_INT, C_INT), true);
    }
    private static final class Recv {
        static final MethodHandle HANDLE = Libc.downcall("recv",
                FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T, C_INT), true);
    }
    private static final class Send {
        static final MethodHandle HANDLE = Libc.downcall("send",
                FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T, C_INT), true);
    }
    // The same two functions, taking native memory as a raw address: no segment per call.
    private static final class RecvAddress {
        static final MethodHandle HANDLE = Libc.downcall("recv",
                FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_SIZE_T, C_INT), true);
    }
    private static final class SendAddress {
        static final MethodHandle HANDLE = Libc.downcall("send",
                FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_SIZE_T, C_INT), true);
    }
    private static final class Recvfrom {
        static final MethodHandle HANDLE = Libc.downcall("recvfrom",
                FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T, C_INT, C_POINTER, C_POINTER), true);
    }
    private static final class RecvfromAddress {
        static final MethodHandle HANDLE = Libc.downcall("recvfrom",
                FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_SIZE_T, C_INT, C_POINTER, C_POINTER), true);
    }
    private static final class Sendto {
        static final MethodHandle HANDLE = Libc.downcall("sendto",
                FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T, C_INT, C_POINTER, C_INT), true);
    }
    private static final class SendtoAddress {
        static final MethodHandle HANDLE = Libc.downcall("sendto",
                FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_SIZE_T, C_INT, C_POINTER, C_INT), true);
    }
    private static final class Recvmmsg {
        static final MethodHandle HANDLE = Libc.downcall("recvmmsg",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT, C_POINTER), true);
    }
    private static final class Sendmmsg {
        static final MethodHandle HANDLE = Libc.downcall("sendmmsg",
                FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT), true);
    }
    private static final class Sendmsg {
        static final MethodHandle HANDLE = Libc.downcall("sendmsg",
                FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_INT), true);
    }
    private static final class Recvmsg {
        static final MethodHandle HANDLE = Libc.downcall("recvmsg",
                FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_INT), true);
    }

    private Net() {}

    static int socket(int domain, int type, int protocol) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Socket.HANDLE.invokeExact(errno, domain, type, protocol), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int socketpair(int domain, int type, int protocol, MemorySegment pair) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Socketpair.HANDLE.invokeExact(errno, domain, type, protocol, pair), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int bind(long fd, MemorySegment address, int length) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Bind.HANDLE.invokeExact(errno, (int) fd, address, length), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int listen(long fd, int backlog) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Listen.HANDLE.invokeExact(errno, (int) fd, backlog), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int accept4(long fd, MemorySegment address, MemorySegment length, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Accept4.HANDLE.invokeExact(errno, (int) fd, address, length, flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int accept(long fd, MemorySegment address, MemorySegment length) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Accept.HANDLE.invokeExact(errno, (int) fd, address, length), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int connect(long fd, MemorySegment address, int length) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Connect.HANDLE.invokeExact(errno, (int) fd, address, length), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int getsockname(long fd, MemorySegment address, MemorySegment length) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Getsockname.HANDLE.invokeExact(errno, (int) fd, address, length), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int getpeername(long fd, MemorySegment address, MemorySegment length) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Getpeername.HANDLE.invokeExact(errno, (int) fd, address, length), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int setsockopt(long fd, int level, int name, MemorySegment value, int length) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Setsockopt.HANDLE.invokeExact(errno, (int) fd, level, name, value, length), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int getsockopt(long fd, int level, int name, MemorySegment value, MemorySegment length) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Getsockopt.HANDLE.invokeExact(errno, (int) fd, level, name, value, length), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int shutdown(long fd, int how) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Shutdown.HANDLE.invokeExact(errno, (int) fd, how), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long recv(long fd, MemorySegment buf, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) Recv.HANDLE.invokeExact(errno, (int) fd, buf, buf.byteSize(), flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long send(long fd, MemorySegment buf, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) Send.HANDLE.invokeExact(errno, (int) fd, buf, buf.byteSize(), flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long recv(long fd, long address, long length, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) RecvAddress.HANDLE.invokeExact(errno, (int) fd, address, length, flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long send(long fd, long address, long length, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) SendAddress.HANDLE.invokeExact(errno, (int) fd, address, length, flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long recvfrom(long fd, MemorySegment buf, int flags, MemorySegment from, MemorySegment fromLength) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) Recvfrom.HANDLE.invokeExact(errno, (int) fd, buf, buf.byteSize(), flags, from, fromLength), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long recvfrom(long fd, long address, long length, int flags, MemorySegment from, MemorySegment fromLength) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) RecvfromAddress.HANDLE.invokeExact(errno, (int) fd, address, length, flags, from, fromLength), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long sendto(long fd, MemorySegment buf, int flags, MemorySegment to, int toLength) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) Sendto.HANDLE.invokeExact(errno, (int) fd, buf, buf.byteSize(), flags, to, toLength), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long sendto(long fd, long address, long length, int flags, MemorySegment to, int toLength) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) SendtoAddress.HANDLE.invokeExact(errno, (int) fd, address, length, flags, to, toLength), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int recvmmsg(long fd, MemorySegment messages, int count, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Recvmmsg.HANDLE.invokeExact(errno, (int) fd, messages, count, flags, MemorySegment.NULL), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int sendmmsg(long fd, MemorySegment messages, int count, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((int) Sendmmsg.HANDLE.invokeExact(errno, (int) fd, messages, count, flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long sendmsg(long fd, MemorySegment message, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) Sendmsg.HANDLE.invokeExact(errno, (int) fd, message, flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long recvmsg(long fd, MemorySegment message, int flags) {
        MemorySegment errno = Scratch.get().errno;
        try {
            return Libc.result((long) Recvmsg.HANDLE.invokeExact(errno, (int) fd, message, flags), errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
