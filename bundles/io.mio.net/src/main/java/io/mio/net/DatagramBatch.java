package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.IoStatus;
import io.mio.spi.Sockets;
import io.mio.spi.UnixName;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable set of datagram slots for sending or receiving many datagrams in one system call
 * ({@code recvmmsg}/{@code sendmmsg} on Linux; a loop of single calls elsewhere) — the saving that
 * matters to DNS, QUIC and metrics servers, which move many small datagrams.
 *
 * <p>The slots live in native memory allocated once; receiving and sending allocate nothing.
 *
 * {@snippet :
 * DatagramBatch batch = DatagramBatch.allocate(64, 2048);
 * int n;
 * while ((n = socket.recvBatch(batch)) > 0) {      // on a readable event: until it would block
 *     for (int i = 0; i < n; i++) {
 *         MemorySegment datagram = batch.datagram(i);  // the stored bytes, in place
 *         SocketAddress from = batch.sender(i);            // InetSocketAddress, or UnixSocketAddress
 *     }
 * }
 * batch.clear();
 * batch.add(reply, client);                        // copies the datagram into a slot
 * while (!batch.isEmpty() && socket.sendBatch(batch) > 0) {
 *     // sendBatch removes what it sent; 0 means the socket is full: wait for writable
 * }
 * }
 *
 * <p>A batch is used by one thread at a time.
 */
public final class DatagramBatch {
    /** The most datagrams one batch holds: Linux's {@code UIO_MAXIOV}. */
    public static final int MAX_CAPACITY = 1024;

    private final int slotSize;
    final MemorySegment data;
    final MemorySegment senders;
    final int[] lengths;
    final SocketAddress[] targets;
    int size;

    private DatagramBatch(int capacity, int slotSize) {
        this.slotSize = slotSize;
        Arena arena = Arena.ofAuto();
        this.data = arena.allocate((long) capacity * slotSize, 8);
        this.senders = arena.allocate((long) capacity * Sockets.SOCKADDR_SIZE, 8);
        this.lengths = new int[capacity];
        this.targets = new SocketAddress[capacity];
    }

    /**
     * Allocates a batch.
     *
     * @param capacity how many datagrams it holds, from 1 to {@value #MAX_CAPACITY}
     * @param slotSize the room for each datagram, from 1 to 65,536 bytes; a longer datagram is
     *     truncated on receipt, and cannot be added for sending
     * @return an empty batch
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static DatagramBatch allocate(int capacity, int slotSize) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be from 1 to " + MAX_CAPACITY + ", was " + capacity);
        }
        if (slotSize < 1 || slotSize > 65_536) {
            throw new IllegalArgumentException("slot size must be from 1 to 65536, was " + slotSize);
        }
        return new DatagramBatch(capacity, slotSize);
    }

    /**
     * How many datagrams the batch holds at most.
     *
     * @return the capacity
     */
    public int capacity() {
        return lengths.length;
    }

    /**
     * The room for each datagram.
     *
     * @return bytes per slot
     */
    public int slotSize() {
        return slotSize;
    }

    /**
     * How many datagrams the batch holds now: received by the last receive, or added and not yet
     * sent.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Whether the batch holds no datagram.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Empties the batch. */
    public void clear() {
        size = 0;
        Arrays.fill(targets, null);
    }

    /**
     * Adds a datagram to send: copies {@code src}'s remaining bytes into the next slot.
     *
     * @param src the datagram; its position advances to its limit
     * @param target where to send it, or {@code null} for a connected socket's peer
     * @return this batch
     * @throws IllegalStateException when the batch is full
     * @throws IllegalArgumentException when the datagram is larger than a slot
     */
    public DatagramBatch add(ByteBuffer src, SocketAddress target) {
        int length = src.remaining();
        MemorySegment slot = nextSlot(length, target);
        slot.copyFrom(MemorySegment.ofBuffer(src));
        src.position(src.limit());
        return this;
    }

    /**
     * Adds a datagram to send: copies {@code src} into the next slot.
     *
     * @param src the datagram
     * @param target where to send it, or {@code null} for a connected socket's peer
     * @return this batch
     * @throws IllegalStateException when the batch is full
     * @throws IllegalArgumentException when the datagram is larger than a slot
     */
    public DatagramBatch add(byte[] src, SocketAddress target) {
        MemorySegment.copy(src, 0, nextSlot(src.length, target), ValueLayout.JAVA_BYTE, 0, src.length);
        return this;
    }

    private MemorySegment nextSlot(int length, SocketAddress target) {
        if (size == lengths.length) {
            throw new IllegalStateException("the batch is full: " + size + " datagrams");
        }
        if (length > slotSize) {
            throw new IllegalArgumentException("a " + length + "-byte datagram does not fit a " + slotSize + "-byte slot");
        }
        lengths[size] = length;
        // The backend takes a Unix-domain address in its own form.
        targets[size] = target instanceof UnixSocketAddress unix ? unix.name() : target;
        return data.asSlice((long) slotSize * size++, length);
    }

    /**
     * The full length of received datagram {@code index}, which exceeds {@link #slotSize()} when
     * it was truncated (where the OS does not tell a truncated datagram's length, it is
     * {@code slotSize() + 1}); or the length of added datagram {@code index}.
     *
     * @param index below {@link #size()}
     * @return the length
     */
    public int length(int index) {
        return lengths[Objects.checkIndex(index, size)];
    }

    /**
     * Whether received datagram {@code index} was longer than a slot, and so truncated.
     *
     * @param index below {@link #size()}
     * @return {@code true} when truncated
     */
    public boolean truncated(int index) {
        return length(index) > slotSize;
    }

    /**
     * The stored bytes of datagram {@code index}, in place: valid until the batch is used again.
     *
     * @param index below {@link #size()}
     * @return a view of the slot, as long as the stored part
     */
    public MemorySegment datagram(int index) {
        return data.asSlice((long) slotSize * index, Math.min(length(index), slotSize));
    }

    /**
     * The sender of received datagram {@code index}.
     *
     * @param index below {@link #size()}
     * @return the sender's address: an {@link java.net.InetSocketAddress} for UDP, a
     *     {@link UnixSocketAddress} for a Unix-domain socket
     */
    public SocketAddress sender(int index) {
        Objects.checkIndex(index, size);
        SocketAddress sender = SocketIo.SOCKETS.decodeAddress(senders.asSlice((long) index * Sockets.SOCKADDR_SIZE, Sockets.SOCKADDR_SIZE));
        return sender instanceof UnixName name ? UnixSocketAddress.of(name) : sender;
    }

    /**
     * Receives into this batch on {@code io}: what {@code recvBatch} does for every datagram
     * socket type.
     */
    int receiveFrom(IoSource io) throws IOException {
        clear();
        long fd = io.acquireOpen(); // by hand, not io.call: no lambda per batch
        try {
            size = SocketIo.SOCKETS.receiveMany(fd, data, slotSize, lengths.length, senders, lengths);
        } finally {
            io.release();
        }
        if (size < lengths.length) {
            io.afterRead(IoStatus.WOULD_BLOCK); // a non-blocking batch stops short only where the queue ran dry
        }
        return size;
    }

    /** Sends from this batch on {@code io}: what {@code sendBatch} does for every datagram socket type. */
    int sendTo(IoSource io) throws IOException {
        if (size == 0) {
            return SocketIo.nothing(io);
        }
        long fd = io.acquireOpen();
        int n;
        try {
            n = SocketIo.SOCKETS.sendMany(fd, data, slotSize, size, lengths, targets);
        } finally {
            io.release();
        }
        SocketIo.writeResult(io, n == 0 ? IoStatus.WOULD_BLOCK : n, size, 0);
        removeFirst(n);
        return n;
    }

    /** Drops the first {@code sent} datagrams, moving the rest to the front. */
    void removeFirst(int sent) {
        int rest = size - sent;
        if (rest > 0 && sent > 0) {
            MemorySegment.copy(data, (long) sent * slotSize, data, 0, (long) rest * slotSize);
            System.arraycopy(lengths, sent, lengths, 0, rest);
            System.arraycopy(targets, sent, targets, 0, rest);
        }
        Arrays.fill(targets, Math.max(rest, 0), size, null);
        size = Math.max(rest, 0);
    }

    @Override
    public String toString() {
        return "DatagramBatch[size=" + size + ", capacity=" + lengths.length + ", slotSize=" + slotSize + "]";
    }
}
