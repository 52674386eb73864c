package io.mio.backend.kqueue;

import java.lang.foreign.MemorySegment;

/**
 * The two system calls of kqueue, behind an interface so that the selector's logic — the changes
 * it builds, the receipts it reads, the events it translates — runs in the tests against a model
 * of the BSD kernels' behaviour on a machine that has none ({@code KqueueModel}).
 */
interface KqueueCalls {
    /**
     * {@code kqueue()}.
     *
     * @return the new queue's descriptor, or {@code -errno}
     */
    int kqueue();

    /**
     * {@code kevent(kq, changes, nchanges, events, nevents, timeout)}.
     *
     * @param kq the queue
     * @param changes the change list, or {@code NULL}
     * @param nchanges how many changes
     * @param events where the kernel writes receipts and events
     * @param nevents room for how many
     * @param timeoutNanos -1 to wait for ever, else at most this long
     * @return how many entries the kernel wrote, or {@code -errno}
     */
    int kevent(long kq, MemorySegment changes, int nchanges, MemorySegment events, int nevents, long timeoutNanos);
}
