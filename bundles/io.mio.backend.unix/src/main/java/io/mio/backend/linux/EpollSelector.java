package io.mio.backend.linux;

import static io.mio.backend.linux.Epoll.EPOLLET;
import static io.mio.backend.linux.Epoll.EPOLLIN;
import static io.mio.backend.linux.Epoll.EPOLLOUT;
import static io.mio.backend.linux.Epoll.EPOLLPRI;
import static io.mio.backend.linux.Epoll.EPOLLRDHUP;

import io.mio.Interest;
import io.mio.backend.posix.Errno;
import io.mio.spi.EventQueue;
import io.mio.backend.posix.InterestMask;
import io.mio.backend.posix.Libc;
import io.mio.spi.Millis;
import io.mio.backend.posix.Unistd;
import io.mio.spi.Descriptor;
import io.mio.spi.EventArray;
import io.mio.spi.Registration;
import io.mio.spi.Selector;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedSelectorException;

/**
 * An epoll instance, used exactly as mio uses it ({@code src/sys/unix/selector/epoll.rs}): every
 * registration edge-triggered, the token in {@code epoll_data.u64} so that no map is needed to
 * dispatch, and one {@code epoll_wait} per poll straight into the caller's event array.
 */
final class EpollSelector implements Selector {
    private final EventQueue epoll;
    private final Registration registration = new EpollRegistration();
    /** errno capture for {@code epoll_wait}, which only the one polling thread calls. */
    private final MemorySegment waitErrno = Arena.ofAuto().allocate(Libc.CAPTURE_LAYOUT);
    /** The eventfd {@link #close()} signals a waiter with; closed with the epoll descriptor. */
    private volatile int closeSignal = -1;

    private EpollSelector(long fd) {
        this.epoll = new EventQueue(fd, this::closeDescriptors);
    }

    static EpollSelector open() throws IOException {
        int fd = Epoll.create1(Epoll.EPOLL_CLOEXEC);
        if (fd < 0) {
            throw Errno.ioException("epoll_create1(EPOLL_CLOEXEC)", -fd);
        }
        return new EpollSelector(fd);
    }

    /** Run once, by the last thread to release the epoll descriptor. */
    private void closeDescriptors(long epfd) {
        Unistd.close(epfd);
        int signal = closeSignal;
        if (signal >= 0) {
            Unistd.close(signal);
        }
    }

    static int eventsFor(Interest interests) {
        return EPOLLET | InterestMask.of(interests, EPOLLIN | EPOLLRDHUP, EPOLLOUT, EPOLLPRI);
    }

    // Interests epoll has no bit for (AIO, LIO) leave a descriptor out of the epoll set: epoll
    // reports hang-up and error to every member whatever its mask, and Interest promises that
    // such a registration delivers nothing here. So the set holds a descriptor only while its
    // interests map to something, and a change in or out of that state is an ADD or a DEL.

    @Override
    public Registration register(long fd, long token, Interest interests) throws IOException {
        int events = eventsFor(interests);
        if (events != EPOLLET) {
            control(Epoll.EPOLL_CTL_ADD, "ADD", fd, events, token, false);
        }
        return registration;
    }

    /**
     * Every registration's: epoll keeps the state, so one stateless instance serves all, and a
     * would-block needs nothing, as epoll's edge triggering is the kernel's.
     */
    private final class EpollRegistration implements Registration {
        @Override
        public void reregister(long fd, long token, Interest interests) throws IOException {
            int events = eventsFor(interests);
            if (events == EPOLLET) {
                control(Epoll.EPOLL_CTL_DEL, "DEL", fd, 0, 0, true);
            } else if (!control(Epoll.EPOLL_CTL_MOD, "MOD", fd, events, token, true)) {
                control(Epoll.EPOLL_CTL_ADD, "ADD", fd, events, token, false); // it was out of the set
            }
        }

        @Override
        public void deregister(long fd) throws IOException {
            control(Epoll.EPOLL_CTL_DEL, "DEL", fd, 0, 0, true);
        }

        /**
         * Takes the descriptor out of the set: epoll would keep reporting it while any copy of
         * it lives (after a dup, or a descriptor passed to another process).
         */
        @Override
        public void closing(long fd) {
            try {
                deregister(fd);
            } catch (IOException | ClosedSelectorException e) {
                // The Poll is gone, or the OS dropped the registration: nothing is left to end.
            }
        }

        @Override
        public void wouldBlock(boolean reading) {}
    }

    /** Returns {@code false} for a descriptor not in the set, when {@code absentIsFine}; else throws. */
    private boolean control(int op, String opName, long fd, int events, long token, boolean absentIsFine) throws IOException {
        long epfd = epoll.acquire();
        try {
            int result = Epoll.ctl(epfd, op, fd, events, token);
            if (result == -Errno.ENOENT && absentIsFine) {
                return false;
            }
            if (result < 0) {
                throw Errno.ioException("epoll_ctl(" + opName + ", fd=" + fd + ")", -result);
            }
            return true;
        } finally {
            epoll.release();
        }
    }

    @Override
    public int select(EventArray events, long timeoutNanos) throws IOException {
        EpollEventArray array = (EpollEventArray) events;
        long epfd = epoll.beginWait();
        try {
            int n = Epoll.wait(waitErrno, epfd, array.segment, array.capacity(), Millis.roundedUp(timeoutNanos));
            epoll.checkOpen(); // the Poll was closed while this thread waited
            if (n >= 0) {
                return n;
            }
            if (n == -Errno.EINTR) {
                // A signal cut the wait short; documented as an early return with no events.
                return 0;
            }
            throw Errno.ioException("epoll_wait(epfd=" + epfd + ")", -n);
        } finally {
            epoll.endWait();
        }
    }

    @Override
    public WakeSignal openWakeSignal(long token) throws IOException {
        int fd = EventFd.create(0, EventFd.EFD_CLOEXEC | EventFd.EFD_NONBLOCK);
        if (fd < 0) {
            throw Errno.ioException("eventfd(0, EFD_CLOEXEC|EFD_NONBLOCK)", -fd);
        }
        Descriptor eventFd = new Descriptor(fd, Unistd.CLOSER);
        try {
            register(fd, token, Interest.READABLE);
        } catch (IOException | RuntimeException e) {
            eventFd.close();
            throw e;
        }
        return new EventFdWakeSignal(eventFd);
    }

    /** The epoll descriptor's number, for tests and diagnostics. */
    long number() {
        return epoll.number();
    }

    /**
     * Closes the queue. A thread blocked in {@link #select} holds the descriptor open until its
     * wait ends, so the wait is ended: a throwaway eventfd is registered and signalled, and the
     * waiter, seeing the queue closed, throws {@link ClosedSelectorException}.
     */
    @Override
    public void close() {
        epoll.close(this::wakeWaiter);
    }

    private void wakeWaiter(long epfd) {
        // Created readable and registered level-triggered: the wait ends at once. It stays open
        // until the epoll descriptor closes, as closing it would take its event back out of the
        // ready list before the waiter collected it.
        int fd = EventFd.create(1, EventFd.EFD_CLOEXEC | EventFd.EFD_NONBLOCK);
        if (fd < 0) {
            return; // out of descriptors: the waiter returns at its time-out, then sees the close
        }
        closeSignal = fd;
        Epoll.ctl(epfd, Epoll.EPOLL_CTL_ADD, fd, Epoll.EPOLLIN, 0);
    }

    @Override
    public String toString() {
        return "epoll " + epoll;
    }
}
