package io.mio.backend.linux;

import static io.mio.backend.linux.Epoll.EPOLLERR;
import static io.mio.backend.linux.Epoll.EPOLLHUP;
import static io.mio.backend.linux.Epoll.EPOLLIN;
import static io.mio.backend.linux.Epoll.EPOLLOUT;
import static io.mio.backend.linux.Epoll.EPOLLPRI;
import static io.mio.backend.linux.Epoll.EPOLLRDHUP;

import io.mio.spi.EventArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.StringJoiner;

/**
 * An array of {@code struct epoll_event} in native memory, filled by {@code epoll_wait} and read
 * in place. The flag tests are mio's ({@code src/sys/unix/selector/epoll.rs}), so that the hints
 * mean the same in Java as in Rust.
 */
final class EpollEventArray implements EventArray {
    final MemorySegment segment;
    private final int capacity;

    EpollEventArray(int capacity) {
        this.capacity = capacity;
        // Freed by the GC once the Events that holds it is unreachable; no close to forget.
        this.segment = Arena.ofAuto().allocate(Epoll.EVENT_LAYOUT, capacity);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    private int events(int i) {
        return segment.get(ValueLayout.JAVA_INT_UNALIGNED, i * Epoll.EVENT_SIZE);
    }

    @Override
    public long token(int i) {
        return segment.get(ValueLayout.JAVA_LONG_UNALIGNED, i * Epoll.EVENT_SIZE + Epoll.DATA_OFFSET);
    }

    @Override
    public boolean isReadable(int i) {
        // Out-of-band data counts as readable, as in mio (#1317).
        return (events(i) & (EPOLLIN | EPOLLPRI)) != 0;
    }

    @Override
    public boolean isWritable(int i) {
        return (events(i) & EPOLLOUT) != 0;
    }

    @Override
    public boolean isError(int i) {
        return (events(i) & EPOLLERR) != 0;
    }

    @Override
    public boolean isReadClosed(int i) {
        int e = events(i);
        return (e & EPOLLHUP) != 0 || ((e & EPOLLIN) != 0 && (e & EPOLLRDHUP) != 0);
    }

    @Override
    public boolean isWriteClosed(int i) {
        int e = events(i);
        return (e & EPOLLHUP) != 0 || ((e & EPOLLOUT) != 0 && (e & EPOLLERR) != 0) || e == EPOLLERR;
    }

    @Override
    public boolean isPriority(int i) {
        return (events(i) & EPOLLPRI) != 0;
    }


    @Override
    public String describe(int i) {
        int e = events(i);
        StringJoiner flags = new StringJoiner("|");
        if ((e & EPOLLIN) != 0) {
            flags.add("EPOLLIN");
        }
        if ((e & EPOLLPRI) != 0) {
            flags.add("EPOLLPRI");
        }
        if ((e & EPOLLOUT) != 0) {
            flags.add("EPOLLOUT");
        }
        if ((e & EPOLLERR) != 0) {
            flags.add("EPOLLERR");
        }
        if ((e & EPOLLHUP) != 0) {
            flags.add("EPOLLHUP");
        }
        if ((e & EPOLLRDHUP) != 0) {
            flags.add("EPOLLRDHUP");
        }
        return flags.length() == 0 ? "0x" + Integer.toHexString(e) : flags.toString();
    }
}
