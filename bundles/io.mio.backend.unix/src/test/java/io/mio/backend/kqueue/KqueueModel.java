package io.mio.backend.kqueue;

import io.mio.backend.posix.KeventAbi;
import io.mio.backend.posix.PosixSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model of a BSD kernel's kqueue, as its manual pages and mio's code describe it, written in the
 * {@link KeventAbi} of one OS so that the selector's logic runs here against every layout:
 * filters keyed by (ident, filter), {@code EV_ADD} adds or modifies, {@code EV_DELETE} of an
 * absent filter is {@code ENOENT}, a change on a descriptor that is not open is {@code EBADF},
 * {@code EV_RECEIPT} writes each change back with {@code EV_ERROR} and its errno in
 * {@code data}; a triggered filter is reported once and then cleared ({@code EV_CLEAR});
 * {@code NOTE_TRIGGER} triggers a user event. It records every change list it is given.
 * The queue's descriptor is a real pipe's, so that closing it closes nothing else.
 */
final class KqueueModel implements KqueueCalls {
    /** One change as the selector wrote it. */
    record Change(long ident, int filter, int flags, int fflags, long udata) {}

    private record Key(long ident, int filter) {}

    private record Pending(long ident, int filter, int flags, int fflags, long data) {}

    private final KeventAbi abi;
    private final Map<Key, Long> filters = new HashMap<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    final List<List<Change>> changeLists = new ArrayList<>();
    final Set<Long> notOpen = new HashSet<>();
    final Set<Long> epipeOnAdd = new HashSet<>();
    /** An errno the next call fails with after applying its changes (EINTR), or 0. */
    int failNext;
    int[] queuePipe;

    KqueueModel(KeventAbi abi) {
        this.abi = abi;
    }

    @Override
    public int kqueue() {
        try {
            queuePipe = PosixSockets.INSTANCE.pipe();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        io.mio.backend.posix.Unistd.close(queuePipe[1]);
        return queuePipe[0];
    }

    /** Whether a filter is registered, and with which token. */
    Long registered(long ident, int filter) {
        return filters.get(new Key(ident, filter));
    }

    /** The kernel sees readiness: reported at the next poll if the filter is registered. */
    void trigger(long ident, int filter, int flags, int fflags, long data) {
        if (filters.containsKey(new Key(ident, filter))) {
            pending.add(new Pending(ident, filter, flags, fflags, data));
        }
    }

    @Override
    public int kevent(long kq, MemorySegment changes, int nchanges, MemorySegment events, int nevents, long timeoutNanos) {
        List<Change> list = new ArrayList<>();
        int receipts = 0;
        for (int i = 0; i < nchanges; i++) {
            Change change = new Change(abi.ident(changes, i), abi.filter(changes, i), abi.flags(changes, i),
                    abi.fflags(changes, i), abi.udata(changes, i));
            list.add(change);
            int errno = apply(change);
            if ((change.flags() & abi.evReceipt()) != 0) {
                abi.put(events, receipts, change.ident(), change.filter(), change.flags() | abi.evError(), change.fflags(), change.udata());
                abi.putData(events, receipts++, errno);
            }
        }
        if (nchanges > 0) {
            changeLists.add(list);
        }
        if (failNext != 0) {
            int errno = failNext;
            failNext = 0;
            return -errno;
        }
        if (nchanges > 0) {
            return receipts;
        }
        int n = 0;
        while (n < nevents && !pending.isEmpty()) {
            Pending event = pending.poll();
            Long udata = filters.get(new Key(event.ident(), event.filter()));
            if (udata != null) {
                abi.put(events, n, event.ident(), event.filter(), event.flags(), event.fflags(), udata);
                abi.putData(events, n++, event.data());
            }
        }
        return n;
    }

    private int apply(Change change) {
        Key key = new Key(change.ident(), change.filter());
        boolean user = change.filter() == abi.evfiltUser();
        if (!user && notOpen.contains(change.ident())) {
            return 9; // EBADF, the same number on every BSD
        }
        if ((change.flags() & abi.evDelete()) != 0) {
            return filters.remove(key) == null ? abi.enoent() : 0;
        }
        if ((change.flags() & abi.evAdd()) != 0) {
            filters.put(key, change.udata());
            if (user && (change.fflags() & abi.noteTrigger()) != 0) {
                pending.add(new Pending(change.ident(), change.filter(), abi.evClear(), 0, 0));
            }
            return !user && epipeOnAdd.contains(change.ident()) ? abi.epipe() : 0;
        }
        return 0;
    }
}
