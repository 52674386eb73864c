package io.mio.backend.windows;

import io.mio.Interest;
import io.mio.spi.EventArray;
import io.mio.spi.EventQueue;
import io.mio.spi.Millis;
import io.mio.spi.Registration;
import io.mio.spi.Selector;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;

/**
 * A selector over an I/O completion port, as mio's Windows selector is: each registered socket
 * has an AFD poll request in flight ({@link SockState}); changes wait in an update queue and are
 * submitted before each wait (at once when a thread is waiting); every completion is turned into
 * at most one event and its socket re-queued, so that a new request is submitted at the next
 * select. Wakers post completions of their own, told apart by a negative context.
 */
final class IocpSelector implements Selector {
    /** How many 10 ms waits a closing selector gives cancelled requests to complete. */
    private static final int DRAIN_ROUNDS = 100;

    private final CompletionPort port;
    private final EventQueue queue;
    private final Arena arena = Arena.ofShared();
    private final AfdGroup afds;
    private final Slots slots;
    private final ArrayDeque<SockState> updates = new ArrayDeque<>();
    /** Guarded by this: the open Wakers, Waker {@code i} posting with context {@code -(i + 1)}. */
    private PortWakeSignal[] wakers = new PortWakeSignal[4];
    private int wakerCount;
    /** Whether a thread is in the wait, so that registrations submit their requests at once. */
    private volatile boolean polling;

    IocpSelector() throws IOException {
        Winsock.start();
        this.port = CompletionPort.create();
        this.queue = new EventQueue(port.handle(), handle -> release());
        this.afds = new AfdGroup(port, arena);
        this.slots = new Slots(arena);
    }

    @Override
    public Registration register(long fd, long token, Interest interests) throws IOException {
        long base = Winsock.baseSocket(fd);
        queue.acquire();
        try {
            synchronized (this) {
                AfdHandle afd = afds.acquire();
                SockState state = slots.take(base, afd);
                state.setEvents(Afd.eventsFor(interests), token);
                enqueue(state);
                try {
                    updateIfPolling();
                } catch (IOException | RuntimeException e) {
                    if (state.delete()) {
                        free(state); // the caller gets no registration: give its slot and AFD handle back
                    }
                    throw e;
                }
                return new IocpRegistration(state);
            }
        } finally {
            queue.release();
        }
    }

    private void enqueue(SockState state) {
        if (!state.queued) {
            state.queued = true;
            updates.add(state);
        }
    }

    private void updateIfPolling() throws IOException {
        if (polling) {
            submitUpdates();
        }
    }

    /** Guarded by this. */
    private void submitUpdates() throws IOException {
        IOException failure = null;
        for (int n = updates.size(); n > 0; n--) {
            SockState state = updates.poll();
            state.queued = false;
            if (state.isDeletePending()) {
                continue;
            }
            try {
                state.update();
            } catch (IOException e) {
                // Kept for the next select, as mio keeps a state whose update failed.
                enqueue(state);
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Waits for events. A completion can yield none — a cancelled request, an event no longer
     * wanted — and its socket's new request is submitted only at the next wait; rather than
     * return early with nothing, as mio's Windows selector may, the wait goes on for what is left
     * of the time-out, so that a poll returns with events or at its time-out, as epoll's does.
     */
    @Override
    public int select(EventArray events, long timeoutNanos) throws IOException {
        IocpEventArray array = (IocpEventArray) events;
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        long left = timeoutNanos;
        queue.beginWait();
        try {
            while (true) {
                int dequeued;
                try {
                    synchronized (this) {
                        polling = true;
                        submitUpdates();
                    }
                    dequeued = port.get(array.entries, array.capacity(), array.removed, Millis.roundedUp(left));
                } finally {
                    polling = false; // also when an update failed: no thread waits any longer
                }
                queue.checkOpen(); // the Poll was closed while this thread waited
                int n = feed(array, dequeued);
                if (n > 0 || dequeued == 0 || left == 0) {
                    return n;
                }
                if (left > 0) {
                    left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return 0;
                    }
                }
            }
        } finally {
            queue.endWait();
        }
    }

    private synchronized int feed(IocpEventArray array, int dequeued) {
        int n = 0;
        for (int i = 0; i < dequeued; i++) {
            long context = array.overlapped(i);
            if (context < 0) {
                int index = (int) (-context - 1);
                PortWakeSignal waker = index < wakerCount ? wakers[index] : null;
                if (waker != null) {
                    waker.delivered(); // cleared before the event is seen, so no wake is lost
                    array.set(n++, waker.token(), Afd.POLL_RECEIVE);
                }
                continue;
            }
            if (context == 0) {
                continue; // the post that ends a wait on close
            }
            SockState state = slots.get((int) (context - 1));
            int flags = state.complete();
            if (flags != 0) {
                array.set(n++, state.token(), flags);
            }
            if (state.isDeletePending()) {
                free(state);
            } else {
                enqueue(state);
            }
        }
        return n;
    }

    /** Guarded by this: gives a deleted state's slot back once no request of it is in flight. */
    private void free(SockState state) {
        if (!state.isInFlight()) {
            afds.release(state.afd());
            slots.give(state);
        }
    }

    @Override
    public WakeSignal openWakeSignal(long token) {
        queue.acquire(); // refused on a closed selector
        try {
            synchronized (this) {
                if (wakerCount == wakers.length) {
                    wakers = java.util.Arrays.copyOf(wakers, wakerCount * 2);
                }
                PortWakeSignal waker = new PortWakeSignal(this, token, -(wakerCount + 1L));
                wakers[wakerCount++] = waker;
                return waker;
            }
        } finally {
            queue.release();
        }
    }

    /**
     * Posts a Waker's completion.
     *
     * @param token its token, the completion's key
     * @param context its number, the completion's context
     * @throws IOException when the port is gone or refuses
     */
    void post(long token, long context) throws IOException {
        queue.acquire();
        try {
            port.post(0, token, context);
        } finally {
            queue.release();
        }
    }

    /**
     * A Waker was closed: a completion of it still queued is dropped.
     *
     * @param waker the Waker's signal
     */
    synchronized void forget(PortWakeSignal waker) {
        wakers[(int) (-waker.context - 1)] = null;
    }

    /**
     * Closes the selector. A waiting thread is woken by a posted completion and throws
     * {@code ClosedSelectorException}; the port and the AFD handles close when it has left.
     */
    @Override
    public void close() {
        queue.close(handle -> {
            try {
                port.post(0, 0, 0);
            } catch (IOException e) {
                // The waiter's time-out ends its wait then; it sees the close.
            }
        });
    }

    /**
     * The last holder of the port is gone: every request is cancelled and its completion awaited
     * before the memory it writes is freed. Should one never come, the memory is left to the
     * process rather than freed under the kernel.
     */
    private void release() {
        synchronized (this) {
            slots.deleteAll();
            afds.closeAll(); // what was still pending completes, cancelled
            IocpEventArray drain = new IocpEventArray(64, arena);
            for (int round = 0; round < DRAIN_ROUNDS && slots.inFlight() > 0; round++) {
                int dequeued;
                try {
                    dequeued = port.get(drain.entries, drain.capacity(), drain.removed, 10);
                } catch (IOException e) {
                    break;
                }
                for (int i = 0; i < dequeued; i++) {
                    long context = drain.overlapped(i);
                    if (context > 0) { // a request's; a Waker's post (negative) or the close's (0) holds no memory
                        slots.get((int) (context - 1)).complete();
                    }
                }
            }
        }
        port.close();
        if (slots.inFlight() == 0) {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "windows " + queue;
    }

    private final class IocpRegistration implements Registration {
        private final SockState state;

        IocpRegistration(SockState state) {
            this.state = state;
        }

        @Override
        public void reregister(long fd, long token, Interest interests) throws IOException {
            queue.acquire();
            try {
                synchronized (IocpSelector.this) {
                    state.setEvents(Afd.eventsFor(interests), token);
                    enqueue(state);
                    updateIfPolling();
                }
            } finally {
                queue.release();
            }
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
            try {
                queue.acquire();
            } catch (java.nio.channels.ClosedSelectorException e) {
                return; // the selector is gone, and every request with it
            }
            try {
                synchronized (IocpSelector.this) {
                    if (state.delete()) {
                        free(state);
                    }
                }
            } finally {
                queue.release();
            }
        }

        @Override
        public void wouldBlock(boolean reading) {
            try {
                queue.acquire();
            } catch (java.nio.channels.ClosedSelectorException e) {
                return;
            }
            try {
                synchronized (IocpSelector.this) {
                    if (!state.isDeletePending()) {
                        state.rearm();
                        enqueue(state);
                        updateIfPolling();
                    }
                }
            } catch (IOException e) {
                // The request is submitted again at the next select, which reports the failure.
            } finally {
                queue.release();
            }
        }
    }

    /** The slots' memory: per socket an {@code IO_STATUS_BLOCK} and an {@code AFD_POLL_INFO}, never moved. */
    private static final class Slots {
        private static final int PER_CHUNK = 64;
        private static final long STATUS_BYTES = WinLayouts.IO_STATUS_BLOCK.byteSize();
        private static final long SLOT_BYTES = STATUS_BYTES + WinLayouts.AFD_POLL_INFO.byteSize();

        private final Arena arena;
        private SockState[] states = new SockState[PER_CHUNK];
        private MemorySegment[] chunks = new MemorySegment[1];
        private int[] free = new int[PER_CHUNK];
        private int freeCount;
        private int used;

        Slots(Arena arena) {
            this.arena = arena;
        }

        SockState take(long baseSocket, AfdHandle afd) {
            int slot = freeCount > 0 ? free[--freeCount] : used++;
            int chunk = slot / PER_CHUNK;
            if (chunk >= chunks.length) {
                chunks = java.util.Arrays.copyOf(chunks, chunks.length * 2);
            }
            if (chunks[chunk] == null) {
                chunks[chunk] = WinMemory.allocate(arena, PER_CHUNK * SLOT_BYTES);
            }
            if (slot >= states.length) {
                states = java.util.Arrays.copyOf(states, states.length * 2);
                free = java.util.Arrays.copyOf(free, states.length);
            }
            MemorySegment memory = chunks[chunk].asSlice((slot % PER_CHUNK) * SLOT_BYTES, SLOT_BYTES).fill((byte) 0);
            SockState state = new SockState(slot, memory.asSlice(0, STATUS_BYTES), memory.asSlice(STATUS_BYTES), baseSocket, afd);
            states[slot] = state;
            return state;
        }

        SockState get(int slot) {
            return states[slot];
        }

        void give(SockState state) {
            states[state.slot] = null;
            free[freeCount++] = state.slot;
        }

        int inFlight() {
            int count = 0;
            for (int slot = 0; slot < used; slot++) {
                if (states[slot] != null && states[slot].isInFlight()) {
                    count++;
                }
            }
            return count;
        }

        void deleteAll() {
            for (int slot = 0; slot < used; slot++) {
                if (states[slot] != null) {
                    states[slot].delete();
                }
            }
        }
    }
}
