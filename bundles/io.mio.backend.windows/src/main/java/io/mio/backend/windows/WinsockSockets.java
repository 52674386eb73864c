package io.mio.backend.windows;

import io.mio.spi.IoStatus;
import io.mio.spi.SocketKind;
import io.mio.spi.SocketOpt;
import io.mio.spi.Sockets;
import io.mio.spi.UnixName;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The Winsock calls behind {@link Sockets}, with mio's rules for creating sockets on Windows:
 * every socket overlapped (so that AFD can poll it), non-blocking and not inherited by child
 * processes, from the call that creates it. Failures become the exceptions they are on Unix
 * ({@link WinError}); a read after the read half was shut down is the end of the stream, as on
 * Unix. Every structure the OS fills is this thread's {@link WinScratch} memory.
 */
final class WinsockSockets implements Sockets {
    static final WinsockSockets INSTANCE = new WinsockSockets();

    private static final int WOULD_BLOCK = WinError.WSAEWOULDBLOCK.number();
    /**
     * The most heap bytes staged for one stream transfer: a short transfer, which every stream
     * caller handles, rather than a staging area the size of any array.
     */
    private static final int MAX_STREAM_STAGED = 256 * 1024;
    /** Room for the largest UDP datagram: staging more could never hold more. */
    private static final int MAX_DATAGRAM_STAGED = 64 * 1024;

    private WinsockSockets() {}

    @Override
    public void close(long socket) {
        try {
            int ignored = (int) Ws2.CLOSESOCKET.invokeExact(WinScratch.get().capture, socket);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public long openTcp(boolean ipv6) throws IOException {
        return open(ipv6 ? WinConstant.AF_INET6 : WinConstant.AF_INET, WinConstant.SOCK_STREAM);
    }

    @Override
    public long openUdp(boolean ipv6) throws IOException {
        return open(ipv6 ? WinConstant.AF_INET6 : WinConstant.AF_INET, WinConstant.SOCK_DGRAM);
    }

    @Override
    public long openUnix(boolean datagram) throws IOException {
        if (datagram) {
            throw new UnsupportedOperationException("Windows has Unix-domain stream sockets only, no datagram ones");
        }
        return open(WinConstant.AF_UNIX, WinConstant.SOCK_STREAM);
    }

    private long open(WinConstant family, WinConstant type) throws IOException {
        Winsock.start();
        MemorySegment capture = WinScratch.get().capture;
        long socket;
        try {
            socket = (long) Ws2.WSA_SOCKET_W.invokeExact(capture, family.value(), type.value(), 0, 0L, 0,
                    WinConstant.WSA_FLAG_OVERLAPPED.value() | WinConstant.WSA_FLAG_NO_HANDLE_INHERIT.value());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (socket == Ws2.INVALID_SOCKET) {
            throw WinError.socketException("WSASocketW", WinLink.lastError(capture));
        }
        try {
            nonBlocking(socket);
        } catch (IOException e) {
            close(socket);
            throw e;
        }
        return socket;
    }

    private static void nonBlocking(long socket) throws IOException {
        WinScratch scratch = WinScratch.get();
        scratch.value.set(ValueLayout.JAVA_INT, 0, 1);
        int result;
        try {
            result = (int) Ws2.IOCTLSOCKET.invokeExact(scratch.capture, socket, WinConstant.FIONBIO.value(), scratch.value);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        check(result, "ioctlsocket(FIONBIO)", scratch.capture);
    }

    private static void notInherited(long socket) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int ok;
        try {
            ok = (int) Kernel32.SET_HANDLE_INFORMATION.invokeExact(capture, socket, WinConstant.HANDLE_FLAG_INHERIT.value(), 0);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (ok == 0) {
            throw WinError.socketException("SetHandleInformation", WinLink.lastError(capture));
        }
    }

    @Override
    public void bind(long socket, SocketAddress address) throws IOException {
        WinScratch scratch = WinScratch.get();
        int length = WinAddresses.encode(address, scratch.address);
        int result;
        try {
            result = (int) Ws2.BIND.invokeExact(scratch.capture, socket, scratch.address, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        check(result, "bind", scratch.capture);
    }

    @Override
    public void listen(long socket, int backlog) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int result;
        try {
            result = (int) Ws2.LISTEN.invokeExact(capture, socket, backlog);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        check(result, "listen", capture);
    }

    @Override
    public long accept(long socket) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        while (true) {
            long accepted;
            try {
                accepted = (long) Ws2.ACCEPT.invokeExact(capture, socket, MemorySegment.NULL, MemorySegment.NULL);
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
            if (accepted != Ws2.INVALID_SOCKET) {
                try {
                    notInherited(accepted); // it takes the listener's other properties, not this one
                } catch (IOException e) {
                    close(accepted);
                    throw e;
                }
                return accepted;
            }
            int error = WinLink.lastError(capture);
            if (error == WOULD_BLOCK) {
                return IoStatus.WOULD_BLOCK;
            }
            // A queued connection reset before it was taken: the next one is as good.
            if (error != WinError.WSAECONNRESET.number() && error != WinError.WSAEINTR.number()) {
                throw WinError.socketException("accept", error);
            }
        }
    }

    @Override
    public boolean connect(long socket, SocketAddress address) throws IOException {
        WinScratch scratch = WinScratch.get();
        int length = WinAddresses.encode(address, scratch.address);
        int result;
        try {
            result = (int) Ws2.CONNECT.invokeExact(scratch.capture, socket, scratch.address, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (result == 0) {
            return true;
        }
        int error = WinLink.lastError(scratch.capture);
        if (error == WOULD_BLOCK || error == WinError.WSAEINPROGRESS.number()) {
            return false; // under way: the socket becomes writable, or reports the failure, later
        }
        throw WinError.socketException("connect", error);
    }

    @Override
    public SocketAddress localAddress(long socket) throws IOException {
        return name(socket, false);
    }

    @Override
    public SocketAddress peerAddress(long socket) throws IOException {
        return name(socket, true);
    }

    private static SocketAddress name(long socket, boolean peer) throws IOException {
        WinScratch scratch = WinScratch.get();
        if (queryName(socket, peer, scratch) == Ws2.SOCKET_ERROR) {
            int error = WinLink.lastError(scratch.capture);
            if (peer && error == WinError.WSAENOTCONN.number()) {
                return null;
            }
            throw WinError.socketException(peer ? "getpeername" : "getsockname", error);
        }
        return WinAddresses.decode(scratch.address, scratch.length.get(ValueLayout.JAVA_INT, 0));
    }

    /** {@code getsockname} or {@code getpeername} into this thread's address and length. */
    private static int queryName(long socket, boolean peer, WinScratch scratch) {
        scratch.length.set(ValueLayout.JAVA_INT, 0, (int) WinLayouts.SOCKADDR_STORAGE.byteSize());
        try {
            return peer ? (int) Ws2.GETPEERNAME.invokeExact(scratch.capture, socket, scratch.address, scratch.length)
                    : (int) Ws2.GETSOCKNAME.invokeExact(scratch.capture, socket, scratch.address, scratch.length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    // Transfers: a native segment is passed as a segment, so that the call holds its arena open;
    // heap memory is staged in this thread's native area, as a call that is not critical takes
    // native memory only. The address forms wrap the caller's address, which it keeps alive.

    @Override
    public int read(long socket, MemorySegment dst, boolean peek) throws IOException {
        if (dst.isNative()) {
            return recv(socket, dst, peek);
        }
        MemorySegment staged = WinScratch.get().staging(Math.min(dst.byteSize(), MAX_STREAM_STAGED));
        int n = recv(socket, staged, peek);
        if (n > 0) {
            MemorySegment.copy(staged, 0, dst, 0, n);
        }
        return n;
    }

    @Override
    public int read(long socket, long address, int length, boolean peek) throws IOException {
        return recv(socket, at(address, length), peek);
    }

    private static int recv(long socket, MemorySegment into, boolean peek) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int n;
        try {
            n = (int) Ws2.RECV.invokeExact(capture, socket, into, room(into), peek ? WinConstant.MSG_PEEK.value() : 0);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        return readResult(n, capture, "recv");
    }

    /** The caller's memory at {@code address}, in no arena: the caller keeps it alive for the call. */
    @SuppressWarnings("restricted") // this module is the one granted native access
    private static MemorySegment at(long address, int length) {
        return MemorySegment.ofAddress(address).reinterpret(length);
    }

    private static int room(MemorySegment memory) {
        return (int) Math.min(memory.byteSize(), Integer.MAX_VALUE);
    }

    private static int readResult(int n, MemorySegment capture, String call) throws IOException {
        if (n > 0) {
            return n;
        }
        if (n == 0) {
            return IoStatus.EOF;
        }
        int error = WinLink.lastError(capture);
        if (error == WOULD_BLOCK) {
            return IoStatus.WOULD_BLOCK;
        }
        if (error == WinError.WSAESHUTDOWN.number()) {
            return IoStatus.EOF; // the read half was shut down here: Unix reads the end of the stream
        }
        throw WinError.socketException(call, error);
    }

    @Override
    public int write(long socket, MemorySegment src) throws IOException {
        return send(socket, nativeOf(src, MAX_STREAM_STAGED));
    }

    @Override
    public int write(long socket, long address, int length) throws IOException {
        return send(socket, at(address, length));
    }

    private static int send(long socket, MemorySegment from) throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int n;
        try {
            n = (int) Ws2.SEND.invokeExact(capture, socket, from, room(from), 0);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        return lengthResult(n, capture, "send");
    }

    /** A native segment as it is; a heap one's first bytes, up to {@code most}, copied to this thread's staging area. */
    private static MemorySegment nativeOf(MemorySegment src, long most) {
        if (src.isNative()) {
            return src;
        }
        MemorySegment staged = WinScratch.get().staging(Math.min(src.byteSize(), most));
        MemorySegment.copy(src, 0, staged, 0, staged.byteSize());
        return staged;
    }

    private static int lengthResult(int n, MemorySegment capture, String call) throws IOException {
        if (n >= 0) {
            return n;
        }
        int error = WinLink.lastError(capture);
        if (error == WOULD_BLOCK) {
            return IoStatus.WOULD_BLOCK;
        }
        throw WinError.socketException(call, error);
    }

    @Override
    public long readv(long socket, ByteBuffer[] dsts, long[] bases, int offset, int length) throws IOException {
        WinScratch scratch = WinScratch.get();
        MemorySegment buffers = fill(scratch, dsts, bases, offset, length);
        scratch.value.set(ValueLayout.JAVA_INT, 0, 0); // flags in and out
        int result;
        try {
            result = (int) Ws2.WSA_RECV.invokeExact(scratch.capture, socket, buffers, length, scratch.length, scratch.value,
                    0L, 0L);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        Reference.reachabilityFence(dsts); // the WSABUFs hold the buffers' raw addresses
        return readResult(result == 0 ? scratch.length.get(ValueLayout.JAVA_INT, 0) : -1, scratch.capture, "WSARecv");
    }

    @Override
    public long writev(long socket, ByteBuffer[] srcs, long[] bases, int offset, int length) throws IOException {
        WinScratch scratch = WinScratch.get();
        MemorySegment buffers = fill(scratch, srcs, bases, offset, length);
        int result;
        try {
            result = (int) Ws2.WSA_SEND.invokeExact(scratch.capture, socket, buffers, length, scratch.length, 0, 0L, 0L);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        Reference.reachabilityFence(srcs);
        return lengthResult(result == 0 ? scratch.length.get(ValueLayout.JAVA_INT, 0) : -1, scratch.capture, "WSASend");
    }

    private static MemorySegment fill(WinScratch scratch, ByteBuffer[] buffers, long[] bases, int offset, int length) {
        MemorySegment array = scratch.wsabufs(length);
        long size = WinLayouts.WSABUF.byteSize();
        for (int i = 0; i < length; i++) {
            ByteBuffer buffer = buffers[offset + i];
            array.set(WinLayouts.LONG, i * size + Offsets.WSABUF_LEN, buffer.remaining());
            array.set(WinLayouts.HANDLE, i * size + Offsets.WSABUF_BUF, bases[i] + buffer.position());
        }
        return array;
    }

    // Datagrams: the sender is written to this thread's SOCKADDR_STORAGE (memory the OS may
    // fill) and copied to the caller's slot with its length. A datagram larger than the room
    // fails with WSAEMSGSIZE, its first bytes in the room: reported as one more than the room,
    // as where the OS does not tell the full length.

    @Override
    public int receive(long socket, MemorySegment dst, boolean peek, MemorySegment sender) throws IOException {
        if (dst.isNative()) {
            return recvfrom(socket, dst, peek, sender);
        }
        MemorySegment staged = WinScratch.get().staging(Math.min(dst.byteSize(), MAX_DATAGRAM_STAGED));
        int n = recvfrom(socket, staged, peek, sender);
        if (n > 0) {
            MemorySegment.copy(staged, 0, dst, 0, Math.min(n, dst.byteSize()));
        }
        return n;
    }

    @Override
    public int receive(long socket, long address, int length, boolean peek, MemorySegment sender) throws IOException {
        return recvfrom(socket, at(address, length), peek, sender);
    }

    private static int recvfrom(long socket, MemorySegment into, boolean peek, MemorySegment sender) throws IOException {
        WinScratch scratch = WinScratch.get();
        scratch.length.set(ValueLayout.JAVA_INT, 0, (int) WinLayouts.SOCKADDR_STORAGE.byteSize());
        int length = room(into);
        int n;
        try {
            n = (int) Ws2.RECVFROM.invokeExact(scratch.capture, socket, into, length,
                    peek ? WinConstant.MSG_PEEK.value() : 0, scratch.address, scratch.length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        boolean truncated = n < 0 && WinLink.lastError(scratch.capture) == WinError.WSAEMSGSIZE.number();
        if ((n >= 0 || truncated) && !sender.equals(MemorySegment.NULL)) {
            int senderLength = scratch.length.get(ValueLayout.JAVA_INT, 0);
            MemorySegment.copy(scratch.address, 0, sender, 0, Math.min(senderLength, SOCKADDR_LENGTH_OFFSET));
            sender.set(ValueLayout.JAVA_INT, SOCKADDR_LENGTH_OFFSET, senderLength);
        }
        if (truncated) {
            return length + 1;
        }
        return lengthResult(n, scratch.capture, "recvfrom");
    }

    @Override
    public int send(long socket, MemorySegment src, SocketAddress target) throws IOException {
        if (!src.isNative() && src.byteSize() > MAX_DATAGRAM_STAGED) {
            throw WinError.socketException("sendto", WinError.WSAEMSGSIZE.number()); // what Winsock would say
        }
        return sendto(socket, nativeOf(src, MAX_DATAGRAM_STAGED), target);
    }

    @Override
    public int send(long socket, long address, int length, SocketAddress target) throws IOException {
        return sendto(socket, at(address, length), target);
    }

    private static int sendto(long socket, MemorySegment from, SocketAddress target) throws IOException {
        if (target == null) {
            return send(socket, from); // the connected peer's
        }
        WinScratch scratch = WinScratch.get();
        int toLength = WinAddresses.encode(target, scratch.address);
        int n;
        try {
            n = (int) Ws2.SENDTO.invokeExact(scratch.capture, socket, from, room(from), 0, scratch.address, toLength);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        return lengthResult(n, scratch.capture, "sendto");
    }

    @Override
    public SocketAddress decodeAddress(MemorySegment sockaddr) {
        int length = sockaddr.get(ValueLayout.JAVA_INT, SOCKADDR_LENGTH_OFFSET);
        if (length == 0) {
            return new UnixName(new byte[0]);
        }
        return WinAddresses.decode(sockaddr, Math.min(length, SOCKADDR_LENGTH_OFFSET));
    }

    @Override
    public void multicastMembership(long socket, java.net.InetAddress group, java.net.InetAddress interfaceAddress,
            int interfaceIndex, boolean join) throws IOException {
        WinOptions.multicastMembership(socket, group, interfaceAddress, interfaceIndex, join);
    }

    @Override
    public void shutdown(long socket, boolean read, boolean write) throws IOException {
        WinConstant how = read && write ? WinConstant.SD_BOTH : read ? WinConstant.SD_RECEIVE : WinConstant.SD_SEND;
        MemorySegment capture = WinScratch.get().capture;
        int result;
        try {
            result = (int) Ws2.SHUTDOWN.invokeExact(capture, socket, how.value());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        check(result, "shutdown", capture);
    }

    @Override
    public boolean supports(SocketOpt option) {
        return WinOptions.supports(option);
    }

    @Override
    public void setOption(long socket, boolean ipv6, SocketOpt option, int value) throws IOException {
        WinOptions.set(socket, ipv6, option, value);
    }

    @Override
    public int getOption(long socket, boolean ipv6, SocketOpt option) throws IOException {
        return WinOptions.get(socket, ipv6, option);
    }

    @Override
    public IOException takeError(long socket, String call) throws IOException {
        int error = WinOptions.getInt(socket, WinConstant.SOL_SOCKET.value(), WinConstant.SO_ERROR.value(), "SO_ERROR");
        return error == 0 ? null : WinError.socketException(call, error);
    }

    @Override
    public SocketKind socketKind(long socket) throws IOException {
        WinScratch scratch = WinScratch.get();
        check(queryName(socket, false, scratch), "getsockname", scratch.capture);
        int family = Short.toUnsignedInt(scratch.address.get(WinLayouts.USHORT, 0));
        int type = WinOptions.getInt(socket, WinConstant.SOL_SOCKET.value(), WinConstant.SO_TYPE.value(), "SO_TYPE");
        boolean listening = (WinOptions.getInt(socket, WinConstant.SOL_SOCKET.value(), WinConstant.SO_ACCEPTCONN.value(),
                "SO_ACCEPTCONN") & 0xFF) != 0;
        SocketKind.Family kindFamily = family == WinConstant.AF_UNIX.value() ? SocketKind.Family.UNIX
                : family == WinConstant.AF_INET.value() ? SocketKind.Family.IPV4
                : family == WinConstant.AF_INET6.value() ? SocketKind.Family.IPV6
                : SocketKind.Family.OTHER;
        boolean ip = kindFamily == SocketKind.Family.IPV4 || kindFamily == SocketKind.Family.IPV6;
        SocketKind.Type kindType = type == WinConstant.SOCK_STREAM.value() ? SocketKind.Type.STREAM
                : type == WinConstant.SOCK_DGRAM.value() ? SocketKind.Type.DATAGRAM
                : SocketKind.Type.OTHER;
        SocketKind.Protocol protocol = !ip ? SocketKind.Protocol.DEFAULT
                : kindType == SocketKind.Type.STREAM ? SocketKind.Protocol.TCP
                : kindType == SocketKind.Type.DATAGRAM ? SocketKind.Protocol.UDP
                : SocketKind.Protocol.OTHER;
        return new SocketKind(kindFamily, kindType, protocol, listening);
    }

    @Override
    public void adopt(long socket) throws IOException {
        nonBlocking(socket);
        notInherited(socket);
    }

    private static void check(int result, String call, MemorySegment capture) throws IOException {
        if (result == Ws2.SOCKET_ERROR) {
            throw WinError.socketException(call, WinLink.lastError(capture));
        }
    }
}
