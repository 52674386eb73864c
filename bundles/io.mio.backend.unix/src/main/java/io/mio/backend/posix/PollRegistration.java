package io.mio.backend.posix;

import static io.mio.backend.posix.PollCall.POLLIN;
import static io.mio.backend.posix.PollCall.POLLOUT;
import static io.mio.backend.posix.PollCall.POLLPRI;
import static io.mio.backend.posix.PollCall.POLLRDHUP;

import io.mio.Interest;
import io.mio.spi.Registration;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One source's registration with a {@link PollSelector}: its descriptor, token and interests,
 * and the interest bits still armed (see the selector for how edges are emulated). The table
 * fields change under the selector's lock; {@link #armed} is set by a re-arm from any thread
 * and cleared by the poller, atomically.
 */
final class PollRegistration implements Registration {
    private static final int READ_EVENTS = POLLIN | POLLRDHUP | POLLPRI;
    private static final int WRITE_EVENTS = POLLOUT;
    /**
     * Not a poll flag: whether an error or hang-up may be reported. poll reports those whatever
     * was asked, so they too are reported once per arming: after one, the descriptor is left out
     * of the poll until a side is armed again, rather than reported on every call.
     */
    static final int ERRORS_ARMED = 0x4000_0000;
    /** The bits that go into {@code pollfd.events}. */
    static final int POLL_BITS = 0xFFFF;
    private static final VarHandle ARMED;

    static {
        try {
            ARMED = MethodHandles.lookup().findVarHandle(PollRegistration.class, "armedBits", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PollSelector selector;
    final long fd;
    // Under the selector's lock.
    long token;
    int interest;
    int index = -1;
    /** Set once the source began to close or deregister: its events are no longer reported. */
    volatile boolean ending;
    @SuppressWarnings("unused") // through ARMED
    private volatile int armedBits;

    PollRegistration(PollSelector selector, long fd, long token, int interest) {
        this.selector = selector;
        this.fd = fd;
        this.token = token;
        this.interest = interest;
        this.armedBits = armedFor(interest);
    }

    /** mio's mapping: readable is POLLIN with the peer's hang-up (Linux's POLLRDHUP); priority is POLLPRI. */
    static int eventsFor(Interest interests) {
        return InterestMask.of(interests, POLLIN | POLLRDHUP, POLLOUT, POLLPRI);
    }

    /**
     * A side's bits with errors armed beside them; nothing for no side, so that a registration
     * poll has no bit for (AIO, LIO only) stays out of the poll and reports nothing.
     */
    private static int armedFor(int events) {
        return events == 0 ? 0 : events | ERRORS_ARMED;
    }

    int armed() {
        return (int) ARMED.getVolatile(this);
    }

    /** Clears what was reported ({@code -1}: everything, after a hang-up or an error). */
    void disarm(int reported) {
        int bits;
        do {
            bits = armed();
        } while (!ARMED.compareAndSet(this, bits, bits & ~reported));
    }

    @Override
    public void reregister(long fd, long token, Interest interests) {
        int events = eventsFor(interests);
        selector.change(() -> {
            this.token = token;
            this.interest = events;
            ARMED.setVolatile(this, armedFor(events));
        });
    }

    @Override
    public void deregister(long fd) {
        end();
    }

    @Override
    public void closing(long fd) {
        end();
    }

    private void end() {
        ending = true; // before waiting for the lock: a poll that returns meanwhile drops its events
        try {
            selector.change(() -> selector.remove(this));
        } catch (java.nio.channels.ClosedSelectorException e) {
            // The Poll is gone, and its table with it.
        }
    }

    @Override
    public void wouldBlock(boolean reading) {
        int side = armedFor(interest & (reading ? READ_EVENTS : WRITE_EVENTS));
        int bits;
        do {
            bits = armed();
            if ((bits & side) == side) {
                return; // armed already, and a poll under way has it or was woken for it
            }
        } while (!ARMED.compareAndSet(this, bits, bits | side));
        selector.armed();
    }

    @Override
    public String toString() {
        return "poll registration fd=" + fd + " armed=0x" + Integer.toHexString(armed());
    }
}
