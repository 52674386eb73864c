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

    private Afd() {}
}
