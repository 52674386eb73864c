package io.mio.backend.kqueue;

import io.mio.Interest;
import io.mio.backend.posix.Errno;
import io.mio.spi.EventQueue;
import io.mio.backend.posix.KeventAbi;
import io.mio.backend.posix.Scratch;
import io.mio.backend.posix.Unistd;
import io.mio.spi.EventArray;
import io.mio.spi.Registration;
import io.mio.spi.Selector;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A kqueue, used as mio uses it ({@code src/sys/unix/selector/kqueue.rs}): a read and a write
 * filter per registration, each {@code EV_CLEAR} (edge-triggered), the token in {@code udata};
 * every change applied at once with {@code EV_RECEIPT}, so that the kernel answers each change
 * in place and its error is read back — {@code ENOENT} on a delete and {@code EPIPE} on an add
 * (older macOS, for a pipe whose other end is gone, which then reports its events anyway) are
 * ignored, as mio does; an interrupted change list was applied whole. The kernel drops a
 * descriptor's filters when it is closed, so closing needs no call.
 */
final class KqueueSelector implements Selector {
    private final KqueueCalls calls;
    private final KeventAbi abi;
    private final EventQueue queue;
    private final Registration registration = new KqueueRegistration();
    /** Numbers for the {@code EVFILT_USER} events of Wakers; 0 is the close signal's. */
    private final AtomicLong userEvents = new AtomicLong();
    /** The pipe {@link #close()} wakes a waiter with where there is no {@code EVFILT_USER}. */
    private volatile int[] closePipe;

    private KqueueSelector(KqueueCalls calls, KeventAbi abi, long fd) {
        this.calls = calls;
        this.abi = abi;
        this.queue = new EventQueue(fd, this::closeDescriptors);
    }

    /**
     * Opens a queue, close-on-exec (a kqueue is not inherited by a child anyway; this keeps the
     * descriptor from an {@code exec} in between).
     *
     * @param calls the system calls
     * @param abi this OS's kqueue ABI
     * @return the selector
     * @throws IOException when the OS refuses
     */
    static KqueueSelector open(KqueueCalls calls, KeventAbi abi) throws IOException {
        int fd = calls.kqueue();
        if (fd < 0) {
            throw Errno.ioException("kqueue()", -fd);
        }
        int flags = Unistd.fcntl(fd, Unistd.F_SETFD, Unistd.FD_CLOEXEC);
        if (flags < 0) {
            Unistd.close(fd);
            throw Errno.ioException("fcntl(kqueue, F_SETFD, FD_CLOEXEC)", -flags);
        }
        return new KqueueSelector(calls, abi, fd);
    }

    private void closeDescriptors(long kq) {
        Unistd.close(kq);
        int[] pipe = closePipe;
        if (pipe != null) {
            Unistd.close(pipe[0]);
            Unistd.close(pipe[1]);
        }
    }

    @Override
    public Registration register(long fd, long token, Interest interests) throws IOException {
        int add = abi.evAdd() | abi.evClear() | abi.evReceipt();
        MemorySegment changes = Scratch.get().area(2 * abi.size());
        int n = 0;
        if (interests.isWritable()) {
            abi.put(changes, n++, fd, abi.evfiltWrite(), add, 0, token);
        }
        if (interests.isReadable()) {
            abi.put(changes, n++, fd, abi.evfiltRead(), add, 0, token);
        }
        // Priority, AIO and LIO have no filter a registration adds: the kernel reports AIO and
        // LIO completions to the aiocb's own sigevent, and kqueue has no out-of-band filter.
        apply(changes, n, "register", fd, abi.epipe(), 0);
        return registration;
    }

    /**
     * Every registration's: the kernel keeps the state, so one stateless instance serves all,
     * and a would-block needs nothing, as {@code EV_CLEAR} is the kernel's edge.
     */
    private final class KqueueRegistration implements Registration {
        @Override
        public void reregister(long fd, long token, Interest interests) throws IOException {
            // Which filters are there is not known, so both are set: added where wanted, deleted
            // where not, and ENOENT from deleting one that was never added ignored.
            int clear = abi.evClear() | abi.evReceipt();
            MemorySegment changes = Scratch.get().area(2 * abi.size());
            abi.put(changes, 0, fd, abi.evfiltWrite(), clear | (interests.isWritable() ? abi.evAdd() : abi.evDelete()), 0, token);
            abi.put(changes, 1, fd, abi.evfiltRead(), clear | (interests.isReadable() ? abi.evAdd() : abi.evDelete()), 0, token);
            apply(changes, 2, "reregister", fd, abi.enoent(), abi.epipe());
        }

        @Override
        public void deregister(long fd) throws IOException {
            int delete = abi.evDelete() | abi.evReceipt();
            MemorySegment changes = Scratch.get().area(2 * abi.size());
            abi.put(changes, 0, fd, abi.evfiltWrite(), delete, 0, 0);
            abi.put(changes, 1, fd, abi.evfiltRead(), delete, 0, 0);
            apply(changes, 2, "deregister", fd, abi.enoent(), 0);
        }

        /** The kernel removes a descriptor's filters when it is closed. */
        @Override
        public void closing(long fd) {}

        @Override
        public void wouldBlock(boolean reading) {}
    }

    /**
     * Applies {@code n} changes, the receipts written over them, and throws the first error a
     * receipt reports that is not one of the two ignored (0 for none).
     */
    private void apply(MemorySegment changes, int n, String what, long fd, int ignored, int alsoIgnored) throws IOException {
        if (n == 0) {
            return;
        }
        long kq = queue.acquire();
        try {
            int result = calls.kevent(kq, changes, n, changes, n, -1);
            // FreeBSD's kevent(2): "When kevent() call fails with EINTR error, all changes in the
            // changelist have been applied" — the receipts are then what the kernel left.
            if (result < 0 && result != -abi.eintr()) {
                throw Errno.ioException("kevent(" + what + ", fd=" + fd + ")", -result);
            }
            for (int i = 0; i < n; i++) {
                long error = abi.data(changes, i);
                if ((abi.flags(changes, i) & abi.evError()) != 0 && error != 0 && error != ignored && error != alsoIgnored) {
                    throw Errno.ioException("kevent(" + what + ", fd=" + fd + ", filter=" + abi.filter(changes, i) + ")", (int) error);
                }
            }
        } finally {
            queue.release();
        }
    }

    @Override
    public int select(EventArray events, long timeoutNanos) throws IOException {
        KqueueEventArray array = (KqueueEventArray) events;
        long kq = queue.beginWait();
        try {
            int n = calls.kevent(kq, MemorySegment.NULL, 0, array.segment, array.capacity(), timeoutNanos);
            queue.checkOpen(); // the Poll was closed while this thread waited
            if (n >= 0) {
                return n;
            }
            if (n == -abi.eintr()) {
                return 0; // a signal cut the wait short: an early return with no events
            }
            throw Errno.ioException("kevent(kq=" + kq + ")", -n);
        } finally {
            queue.endWait();
        }
    }

    @Override
    public WakeSignal openWakeSignal(long token) throws IOException {
        if (abi.evfiltUser() == KeventAbi.NONE) {
            return PipeWakeSignal.open(this, token);
        }
        long ident = userEvents.incrementAndGet();
        MemorySegment change = Scratch.get().area(abi.size());
        abi.put(change, 0, ident, abi.evfiltUser(), abi.evAdd() | abi.evClear() | abi.evReceipt(), 0, token);
        apply(change, 1, "EVFILT_USER add", ident, 0, 0);
        return new UserWakeSignal(this, ident, token);
    }

    /**
     * Triggers a Waker's user event, or deletes it.
     *
     * @param ident its number
     * @param token its token
     * @param delete whether to delete it instead
     * @throws IOException when the OS refuses
     */
    void user(long ident, long token, boolean delete) throws IOException {
        MemorySegment change = Scratch.get().area(abi.size());
        if (delete) {
            abi.put(change, 0, ident, abi.evfiltUser(), abi.evDelete() | abi.evReceipt(), 0, token);
        } else {
            abi.put(change, 0, ident, abi.evfiltUser(), abi.evAdd() | abi.evReceipt(), abi.noteTrigger(), token);
        }
        apply(change, 1, delete ? "EVFILT_USER delete" : "EVFILT_USER trigger", ident, delete ? abi.enoent() : 0, 0);
    }

    /**
     * Closes the queue. A thread blocked in {@link #select} holds the descriptor open until its
     * wait ends, so the wait is ended: user event 0 is added and triggered, or, without
     * {@code EVFILT_USER}, a pipe with a byte in it is added; the waiter, seeing the queue
     * closed, throws {@link ClosedSelectorException}.
     */
    @Override
    public void close() {
        queue.close(this::wakeWaiter);
    }

    private void wakeWaiter(long kq) {
        MemorySegment change = Scratch.get().area(2 * abi.size());
        int n = 1;
        if (abi.evfiltUser() != KeventAbi.NONE) {
            // Added, then triggered: the BSD kernels also trigger on an add that carries
            // NOTE_TRIGGER, but libkqueue (the developer switch) does so only on a modify.
            abi.put(change, 0, 0, abi.evfiltUser(), abi.evAdd() | abi.evReceipt(), 0, 0);
            abi.put(change, n++, 0, abi.evfiltUser(), abi.evAdd() | abi.evReceipt(), abi.noteTrigger(), 0);
        } else {
            int[] pipe;
            try {
                pipe = PipeWakeSignal.pipe();
            } catch (IOException e) {
                return; // out of descriptors: the waiter returns at its time-out, then sees the close
            }
            closePipe = pipe;
            PipeWakeSignal.poke(pipe[1]);
            abi.put(change, 0, pipe[0], abi.evfiltRead(), abi.evAdd() | abi.evReceipt(), 0, 0);
        }
        calls.kevent(kq, change, n, change, n, -1);
    }

    /**
     * Registers a Waker's pipe: its read end, readable, with the Waker's token.
     *
     * @param fd the read end
     * @param token the token
     * @throws IOException when the OS refuses
     */
    void registerWakePipe(int fd, long token) throws IOException {
        register(fd, token, Interest.READABLE);
    }

    @Override
    public String toString() {
        return "kqueue " + queue;
    }
}
