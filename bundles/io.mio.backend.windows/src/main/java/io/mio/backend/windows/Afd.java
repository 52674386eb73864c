package io.mio.backend.windows;

/**
 * The Ancillary Function Driver's poll interface, as mio and wepoll use it: {@code IOCTL_AFD_POLL}
 * on a handle to {@code \Device\Afd} asks for one socket's events and completes on the
 * completion port that handle is associated with. The driver's interface is in no SDK header; the
 * numbers are those Windows has used since Vista, as wepoll, mio and Wine's own AFD give them,
 * and the backend's tests poll Wine's AFD with them.
 */
final class Afd {
    /** {@code NtDeviceIoControlFile}'s control code for a poll. */
    static final int IOCTL_AFD_POLL = 0x0001_2024;

    /** Data to read, or a datagram. */
    static final int POLL_RECEIVE = 0x001;
    /** Out-of-band data to read. */
    static final int POLL_RECEIVE_EXPEDITED = 0x002;
    /** Room to send. */
    static final int POLL_SEND = 0x004;
    /** The peer shut down its sending side (a FIN). */
    static final int POLL_DISCONNECT = 0x008;
    /** The connection was reset or aborted. */
    static final int POLL_ABORT = 0x010;
    /** The polled socket was closed here; the poll ends. */
    static final int POLL_LOCAL_CLOSE = 0x020;
    /** A connection waits to be accepted. */
    static final int POLL_ACCEPT = 0x080;
    /** A connect failed; {@code SO_ERROR} says why. */
    static final int POLL_CONNECT_FAIL = 0x100;

    /** Every event a poll can ask for. */
    static final int KNOWN_EVENTS = POLL_RECEIVE | POLL_RECEIVE_EXPEDITED | POLL_SEND | POLL_DISCONNECT | POLL_ABORT
            | POLL_LOCAL_CLOSE | POLL_ACCEPT | POLL_CONNECT_FAIL;

    // How mio reads the events (src/sys/windows/event.rs), and asks for them.
    static final int READABLE = POLL_RECEIVE | POLL_DISCONNECT | POLL_ACCEPT | POLL_ABORT | POLL_CONNECT_FAIL;
    static final int WRITABLE = POLL_SEND | POLL_ABORT | POLL_CONNECT_FAIL;
    static final int ERROR = POLL_CONNECT_FAIL;
    static final int READ_CLOSED = POLL_DISCONNECT | POLL_ABORT | POLL_CONNECT_FAIL;
    static final int WRITE_CLOSED = POLL_ABORT | POLL_CONNECT_FAIL;

    private Afd() {}

    /**
     * The events a registration asks for, as mio's {@code interests_to_afd_flags}: priority is
     * not one, as mio offers it on Linux only.
     *
     * @param interests the interests
     * @return the AFD events
     */
    static int eventsFor(io.mio.Interest interests) {
        int events = 0;
        if (interests.isReadable()) {
            events |= READABLE | READ_CLOSED | ERROR;
        }
        if (interests.isWritable()) {
            events |= WRITABLE | WRITE_CLOSED | ERROR;
        }
        return events;
    }
}
