package io.mio.backend.windows;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * One socket's AFD poll, as mio's {@code SockState} keeps it: at most one request in flight,
 * whose {@code IO_STATUS_BLOCK} and {@code AFD_POLL_INFO} live in the selector's slot memory
 * until it completes. Readiness is edge-triggered the way mio emulates it: an event clears the
 * reported kinds from the interests, and a call that would block puts them back
 * ({@link IocpSelector} re-queues the state), so each edge is reported once.
 *
 * <p>Guarded by its selector's lock.
 */
final class SockState {
    private enum Status { IDLE, PENDING, CANCELLED }

    /** The slot number, which is the poll's completion context. */
    final int slot;
    final MemorySegment status;
    final MemorySegment info;
    private final long baseSocket;
    private final AfdHandle afd;
    private Status poll = Status.IDLE;
    /** The AFD events asked for now; an event clears the kinds it reported. */
    private int userEvents;
    /** The AFD events of the registration, to which a would-block returns. */
    private int registeredEvents;
    /** The events the request in flight asks for. */
    private int pendingEvents;
    private long token;
    private boolean deletePending;
    /** Whether it waits in the selector's update queue. */
    boolean queued;

    SockState(int slot, MemorySegment status, MemorySegment info, long baseSocket, AfdHandle afd) {
        this.slot = slot;
        this.status = status;
        this.info = info;
        this.baseSocket = baseSocket;
        this.afd = afd;
    }

    /**
     * Sets the token and the events wanted.
     *
     * @param afdEvents the interests as AFD events
     * @param token the token
     * @return whether the request in flight does not ask for all of them, so an update is due
     */
    boolean setEvents(int afdEvents, long token) {
        // A failed connect and a reset are always reported, whatever the interests, as mio has it.
        int events = afdEvents | Afd.POLL_CONNECT_FAIL | Afd.POLL_ABORT;
        this.userEvents = events;
        this.registeredEvents = events;
        this.token = token;
        return (events & ~pendingEvents) != 0;
    }

    /** A call would block: the kinds reported since are wanted again. */
    void rearm() {
        userEvents = registeredEvents;
    }

    /**
     * Starts, keeps or cancels the request in flight so that it asks for what is wanted.
     *
     * @throws IOException when AFD refuses the request
     */
    void update() throws IOException {
        switch (poll) {
            case PENDING -> {
                if ((userEvents & Afd.KNOWN_EVENTS & ~pendingEvents) != 0) {
                    cancel(); // it asks for too little: its completion starts the right one
                }
                // else it asks for all that is wanted, perhaps more: a completion for an event no
                // longer wanted starts a request with the new mask.
            }
            case CANCELLED -> {
                // Its completion is on its way.
            }
            case IDLE -> start();
        }
    }

    private void start() throws IOException {
        info.set(java.lang.foreign.ValueLayout.JAVA_LONG, Offsets.POLL_TIMEOUT, Long.MAX_VALUE);
        info.set(WinLayouts.LONG, Offsets.POLL_NUMBER_OF_HANDLES, 1);
        info.set(WinLayouts.LONG, Offsets.POLL_EXCLUSIVE, 0);
        info.set(WinLayouts.HANDLE, Offsets.POLL_HANDLE, baseSocket);
        info.set(WinLayouts.LONG, Offsets.POLL_STATUS, 0);
        info.set(WinLayouts.LONG, Offsets.POLL_EVENTS, userEvents | Afd.POLL_LOCAL_CLOSE);
        int result = afd.poll(info, status, slot + 1L);
        if (result != WinConstant.STATUS_PENDING.value() && result != WinConstant.STATUS_SUCCESS.value()) {
            int error = Ntdll.dosError(result);
            if (error == WinError.ERROR_INVALID_HANDLE.number()) {
                deletePending = true; // the socket is closed: nothing more to poll
                return;
            }
            throw WinError.socketException("IOCTL_AFD_POLL", error);
        }
        poll = Status.PENDING;
        pendingEvents = userEvents;
    }

    private void cancel() {
        int result = afd.cancel(status);
        // Success, or STATUS_NOT_FOUND when it completed meanwhile: either way a completion comes.
        if (result != WinConstant.STATUS_SUCCESS.value() && result != WinConstant.STATUS_NOT_FOUND.value()) {
            return;
        }
        poll = Status.CANCELLED;
        pendingEvents = 0;
    }

    /**
     * The request completed: the AFD events to report, mio's way.
     *
     * @return the events to report, 0 for none
     */
    int complete() {
        poll = Status.IDLE;
        pendingEvents = 0;
        if (deletePending) {
            return 0;
        }
        int requestStatus = status.get(WinLayouts.LONG, Offsets.IOSB_STATUS);
        int events;
        if (requestStatus == WinConstant.STATUS_CANCELLED.value()) {
            events = 0; // cancelled to ask for more: the update starts the new request
        } else if (requestStatus < 0) {
            events = Afd.POLL_CONNECT_FAIL; // the request itself failed
        } else if (info.get(WinLayouts.LONG, Offsets.POLL_NUMBER_OF_HANDLES) < 1) {
            events = 0;
        } else {
            events = info.get(WinLayouts.LONG, Offsets.POLL_EVENTS);
            if ((events & Afd.POLL_LOCAL_CLOSE) != 0) {
                deletePending = true; // closed here without a deregister
                return 0;
            }
        }
        events &= userEvents;
        userEvents &= ~events; // edge-triggered: reported once, until a call would block
        return events;
    }

    /**
     * Ends the registration; a request in flight is cancelled and its completion awaited.
     *
     * @return whether the slot can be given back now, no request being in flight
     */
    boolean delete() {
        if (!deletePending) {
            if (poll == Status.PENDING) {
                cancel();
            }
            deletePending = true;
        }
        return poll == Status.IDLE;
    }

    boolean isDeletePending() {
        return deletePending;
    }

    boolean isInFlight() {
        return poll != Status.IDLE;
    }

    long token() {
        return token;
    }

    AfdHandle afd() {
        return afd;
    }
}
