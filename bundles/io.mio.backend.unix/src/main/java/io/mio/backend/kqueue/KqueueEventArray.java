package io.mio.backend.kqueue;

import io.mio.backend.posix.KeventAbi;
import io.mio.spi.EventArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.StringJoiner;

/**
 * An array of {@code struct kevent} in native memory, filled by {@code kevent} and read in place.
 * One event is one filter of one descriptor, so a socket both readable and writable comes as two
 * events with the same token, as in mio. The tests are mio's ({@code src/sys/unix/selector/kqueue.rs}):
 * read-closed and write-closed are {@code EV_EOF} on the read and the write filter, an error is
 * {@code EV_ERROR}, or {@code EV_EOF} with an errno in {@code fflags}; a Waker's user event
 * reads as readable.
 */
final class KqueueEventArray implements EventArray {
    final MemorySegment segment;
    private final KeventAbi abi;
    private final int capacity;

    KqueueEventArray(KeventAbi abi, int capacity) {
        this.abi = abi;
        this.capacity = capacity;
        // Freed by the GC once the Events that holds it is unreachable; no close to forget.
        this.segment = Arena.ofAuto().allocate(abi.size() * capacity, 8);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long token(int i) {
        return abi.udata(segment, i);
    }

    @Override
    public boolean isReadable(int i) {
        int filter = abi.filter(segment, i);
        return filter == abi.evfiltRead() || filter == abi.evfiltUser();
    }

    @Override
    public boolean isWritable(int i) {
        return abi.filter(segment, i) == abi.evfiltWrite();
    }

    @Override
    public boolean isError(int i) {
        int flags = abi.flags(segment, i);
        return (flags & abi.evError()) != 0 || ((flags & abi.evEof()) != 0 && abi.fflags(segment, i) != 0);
    }

    @Override
    public boolean isReadClosed(int i) {
        return abi.filter(segment, i) == abi.evfiltRead() && (abi.flags(segment, i) & abi.evEof()) != 0;
    }

    @Override
    public boolean isWriteClosed(int i) {
        return abi.filter(segment, i) == abi.evfiltWrite() && (abi.flags(segment, i) & abi.evEof()) != 0;
    }

    @Override
    public boolean isPriority(int i) {
        return false; // kqueue has no out-of-band indicator
    }

    @Override
    public boolean isAio(int i) {
        return abi.evfiltAio() != KeventAbi.NONE && abi.filter(segment, i) == abi.evfiltAio();
    }

    @Override
    public boolean isLio(int i) {
        return abi.evfiltLio() != KeventAbi.NONE && abi.filter(segment, i) == abi.evfiltLio();
    }

    @Override
    public String describe(int i) {
        int filter = abi.filter(segment, i);
        int flags = abi.flags(segment, i);
        String name = filter == abi.evfiltRead() ? "EVFILT_READ"
                : filter == abi.evfiltWrite() ? "EVFILT_WRITE"
                : filter == abi.evfiltUser() ? "EVFILT_USER"
                : filter == abi.evfiltAio() ? "EVFILT_AIO"
                : filter == abi.evfiltLio() ? "EVFILT_LIO"
                : "filter " + filter;
        StringJoiner text = new StringJoiner("|", name + " ", "");
        text.setEmptyValue(name);
        if ((flags & abi.evEof()) != 0) {
            text.add("EV_EOF");
        }
        if ((flags & abi.evError()) != 0) {
            text.add("EV_ERROR");
        }
        int fflags = abi.fflags(segment, i);
        return text + (fflags != 0 ? " fflags=" + fflags : "") + " data=" + abi.data(segment, i);
    }
}
