package io.mio.backend.posix;

import static io.mio.backend.posix.PollCall.POLLERR;
import static io.mio.backend.posix.PollCall.POLLFD_SIZE;
import static io.mio.backend.posix.PollCall.POLLHUP;
import static io.mio.backend.posix.PollCall.POLLIN;
import static io.mio.backend.posix.PollCall.POLLNVAL;
import static io.mio.backend.posix.PollCall.POLLOUT;

import io.mio.Interest;
import io.mio.spi.Descriptor;
import io.mio.spi.EventArray;
import io.mio.spi.Millis;
import io.mio.spi.Registration;
import io.mio.spi.Selector;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.ClosedSelectorException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A selector over {@code poll(2)}, for an OS that has nothing better; it emulates edge triggering
 * as mio's does ({@code src/sys/unix/selector/poll.rs}).
 *
 * <p><b>Edges.</b> Each registration keeps the interest bits still <em>armed</em>. A bit that
 * {@code poll} reports is disarmed, so the next poll does not report it again; it is armed again
 * when a call on that side would block ({@link PollRegistration#wouldBlock}, mio's
 * {@code do_io}: would-block, or a short transfer on a stream). Errors and hang-ups, which
 * {@code poll} reports whatever was asked, are armed the same way: reported once, then not again
 * until a side is re-armed; a hang-up disarms the whole registration, as nothing follows it. A
 * registration with nothing armed is left out of the next poll (its {@code pollfd} gets a
 * negative descriptor, which {@code poll} skips).
 *
 * <p><b>Changes during a poll.</b> The polling thread holds {@link #lock} for the whole of
 * {@code select}, {@code poll} included, and rebuilds the {@code pollfd} array from the
 * registrations before each call. A registration change from another thread counts itself in
 * {@link #waitingChanges} and, when a thread is in {@code poll}, writes a byte to the wake pipe;
 * the poller returns, lets the changes in, and polls again with the rest of its time-out. So a
 * change made while a thread waits takes effect in that wait. A re-arm only sets bits, and wakes
 * the poller the same way. The poller sets {@link #polling} before it reads the changes and the
 * armed bits, and a changer sets those before it reads {@link #polling} (all volatile): one of
 * the two always sees the other.
 *
 * <p><b>Closing.</b> A source that closes marks its registration ending before it waits for the
 * lock, and the poller drops the events of ending registrations, so a descriptor closed during a
 * poll is never reported after its close began.
 *
 * <p>Nothing is allocated per event: the {@code pollfd} array and the registration table grow
 * with the number of registrations and are kept.
 */
final class PollSelector implements Selector {
    /** Entry 0 of the {@code pollfd} array: the read end of the wake pipe. */
    private static final int WAKE_ENTRY = 0;

    private final Descriptor wakePipe; // the read end; closing it closes both ends
    private final int wakeWriteEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changesDone = lock.newCondition();
    private final AtomicInteger waitingChanges = new AtomicInteger();
    private volatile boolean polling;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private volatile long wakeToken;
    /** errno capture for {@code poll}, which only the thread in {@link #select} calls. */
    private final MemorySegment pollErrno = Arena.ofAuto().allocate(Libc.CAPTURE_LAYOUT);
    /** One byte to write and up to 64 to drain, for the wake pipe; used by any thread, never read. */
    private static final MemorySegment WAKE_BYTE = Arena.global().allocate(1);
    private final MemorySegment drain = Arena.ofAuto().allocate(64);

    // Guarded by lock.
    private PollRegistration[] registrations = new PollRegistration[16];
    private int count;
    private MemorySegment pollfds = Arena.ofAuto().allocate(POLLFD_SIZE * 17, 8);

    private PollSelector(int readEnd, int writeEnd) {
        this.wakeWriteEnd = writeEnd;
        this.wakePipe = new Descriptor(readEnd, fd -> {
            Unistd.close(fd);
            Unistd.close(writeEnd);
        });
    }

    static PollSelector open() throws IOException {
        int[] ends = PosixSockets.INSTANCE.pipe();
        return new PollSelector(ends[0], ends[1]);
    }

    @Override
    public Registration register(long fd, long token, Interest interests) throws IOException {
        PollRegistration registration = new PollRegistration(this, fd, token, PollRegistration.eventsFor(interests));
        change(() -> add(registration));
        return registration;
    }

    /** Runs a registration change under the lock, first getting the polling thread out of {@code poll}. */
    void change(Runnable change) {
        waitingChanges.incrementAndGet();
        if (polling) {
            nudge();
        }
        lock.lock();
        try {
            if (wakePipe.isClosed()) {
                throw new ClosedSelectorException();
            }
            change.run();
        } finally {
            if (waitingChanges.decrementAndGet() == 0) {
                changesDone.signalAll();
            }
            lock.unlock();
        }
    }

    /** Called by a re-arm: a thread in {@code poll} must rebuild its array to see it. */
    void armed() {
        if (polling) {
            nudge();
        }
    }

    private void add(PollRegistration registration) {
        if (count == registrations.length) {
            registrations = java.util.Arrays.copyOf(registrations, count * 2);
        }
        if (pollfds.byteSize() < (count + 2) * POLLFD_SIZE) {
            pollfds = Arena.ofAuto().allocate(POLLFD_SIZE * (registrations.length + 1), 8);
        }
        registration.index = count;
        registrations[count++] = registration;
    }

    /** Takes a registration out of the table (under the lock); the last one fills its place. */
    void remove(PollRegistration registration) {
        int index = registration.index;
        if (index < 0) {
            return;
        }
        PollRegistration last = registrations[--count];
        registrations[index] = last;
        last.index = index;
        registrations[count] = null;
        registration.index = -1;
    }

    @Override
    public int select(EventArray events, long timeoutNanos) throws IOException {
        PollEventArray array = (PollEventArray) events;
        long wakeFd = wakePipe.acquire();
        if (wakeFd < 0) {
            throw new ClosedSelectorException();
        }
        lock.lock();
        try {
            long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
            long wait = timeoutNanos;
            while (true) {
                polling = true;
                if (waitingChanges.get() > 0) {
                    polling = false;
                    changesDone.awaitUninterruptibly();
                    continue;
                }
                int entries = build(wakeFd);
                int n = PollCall.poll(pollErrno, pollfds, entries, Millis.roundedUp(wait));
                polling = false;
                if (wakePipe.isClosed()) {
                    throw new ClosedSelectorException(); // the Poll was closed while this thread waited
                }
                if (n == -Errno.EINTR) {
                    return 0; // a signal cut the wait short; documented as an early return
                }
                if (n < 0 && n != -Errno.EAGAIN) {
                    throw Errno.ioException("poll(" + entries + " descriptors)", -n);
                }
                int reported = n > 0 ? collect(array, wakeFd, entries) : 0;
                if (reported > 0 || n == 0 || timeoutNanos == 0) {
                    return reported;
                }
                // Only woken inside Mio (a change, a re-arm): poll again for the time left.
                if (timeoutNanos > 0) {
                    wait = Math.max(0, deadline - System.nanoTime());
                }
            }
        } finally {
            polling = false;
            lock.unlock();
            wakePipe.release();
        }
    }

    /** Fills the {@code pollfd} array from the wake pipe and what each registration has armed. */
    private int build(long wakeFd) {
        MemorySegment fds = pollfds;
        fds.set(ValueLayout.JAVA_INT, 0, (int) wakeFd);
        fds.set(ValueLayout.JAVA_SHORT, PollCall.EVENTS_OFFSET, POLLIN);
        fds.set(ValueLayout.JAVA_SHORT, PollCall.REVENTS_OFFSET, (short) 0);
        for (int i = 0; i < count; i++) {
            PollRegistration registration = registrations[i];
            long at = (i + 1) * POLLFD_SIZE;
            int armed = registration.armed();
            // Nothing armed: a negative descriptor, which poll skips; a hang-up would otherwise
            // be reported on every call. Errors alone armed: events 0, which poll answers with
            // errors and hang-ups only.
            fds.set(ValueLayout.JAVA_INT, at, (int) (armed == 0 || registration.ending ? -1 - registration.fd : registration.fd));
            fds.set(ValueLayout.JAVA_SHORT, at + PollCall.EVENTS_OFFSET, (short) (armed & PollRegistration.POLL_BITS));
            fds.set(ValueLayout.JAVA_SHORT, at + PollCall.REVENTS_OFFSET, (short) 0);
        }
        return count + 1;
    }

    /** Copies out what {@code poll} reported and disarms it; returns how many events were stored. */
    private int collect(PollEventArray array, long wakeFd, int entries) {
        MemorySegment fds = pollfds;
        int stored = 0;
        if (fds.get(ValueLayout.JAVA_SHORT, WAKE_ENTRY + PollCall.REVENTS_OFFSET) != 0) {
            drainWakePipe(wakeFd);
        }
        if (wakeRequested.getAndSet(false)) {
            array.tokens[stored] = wakeToken;
            array.revents[stored++] = POLLIN;
        }
        for (int i = 1; i < entries && stored < array.capacity(); i++) {
            short revents = fds.get(ValueLayout.JAVA_SHORT, i * POLLFD_SIZE + PollCall.REVENTS_OFFSET);
            if (revents == 0) {
                continue;
            }
            PollRegistration registration = registrations[i - 1];
            if (registration.ending) {
                continue; // closing or deregistering: never reported after that began
            }
            if ((revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
                // poll asked for nothing may answer with only an error or a hang-up; as the JDK's
                // selectors do, each side of interest is then ready: its next call fails or ends.
                revents |= (short) (registration.interest & (POLLIN | POLLOUT));
            }
            array.tokens[stored] = registration.token;
            array.revents[stored++] = revents;
            // A hang-up is final: nothing more to arm. An error is reported once per arming; the
            // sides not reported stay armed, so that once a call takes the error (an ICMP report
            // on a datagram socket), later datagrams are still reported.
            boolean finished = (revents & (POLLHUP | POLLNVAL)) != 0;
            boolean error = (revents & POLLERR) != 0;
            registration.disarm(finished ? -1 : error ? revents | PollRegistration.ERRORS_ARMED : revents);
        }
        return stored;
    }

    private void drainWakePipe(long wakeFd) {
        long n;
        do {
            n = Unistd.read(wakeFd, drain);
        } while (n == drain.byteSize() || n == -Errno.EINTR);
    }

    /** Wakes the thread in {@code poll}; a full pipe already has a wake pending. */
    private void nudge() {
        if (wakePipe.acquire() < 0) {
            return; // closed: close itself woke the poller
        }
        try {
            Unistd.write(wakeWriteEnd, WAKE_BYTE);
        } finally {
            wakePipe.release();
        }
    }

    @Override
    public WakeSignal openWakeSignal(long token) throws IOException {
        if (wakePipe.isClosed()) {
            throw new ClosedSelectorException();
        }
        wakeToken = token;
        return new PollWakeSignal(this);
    }

    /** What {@link PollWakeSignal#wake} does: a readable event with the waker's token, once per batch of wakes. */
    void wake() {
        wakeRequested.set(true);
        nudge();
    }

    @Override
    public void close() {
        if (wakePipe.acquire() < 0) {
            return;
        }
        try {
            if (wakePipe.close()) {
                Unistd.write(wakeWriteEnd, WAKE_BYTE); // a thread in poll returns and sees the close
            }
        } finally {
            wakePipe.release(); // the last reference out closes the pipe
        }
    }

    @Override
    public String toString() {
        return "poll(2) wake pipe " + wakePipe;
    }
}
