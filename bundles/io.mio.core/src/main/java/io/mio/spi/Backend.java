package io.mio.spi;

import java.io.IOException;

/**
 * One operating system's implementation of Mio, found with {@link java.util.ServiceLoader}.
 * The core picks the one to use ({@code io.mio.internal.shared.Backends}); nothing else names a
 * backend.
 */
public interface Backend {
    /**
     * The name a user gives in the {@code io.mio.backend} system property to force this
     * backend, such as {@code "epoll"}.
     *
     * @return a short lower-case name
     */
    String name();

    /**
     * How this backend ranks among those that can run, when none is forced: the OS's own
     * mechanism (epoll, kqueue, IOCP) above a portable fallback such as poll(2).
     *
     * @return higher wins; the OS's own mechanism gives 10, a fallback 0
     */
    int preference();

    /**
     * Whether new data for a source whose earlier data was not all read gives a new readable
     * event. The OS's own edge-triggered queues (epoll, kqueue) report each arrival; an emulation
     * of edges (poll(2), Windows AFD) reports a side again only once a call found it exhausted —
     * would-block, or a short read — which is all mio promises. A difference the backend
     * declares, so that tests and tools ask it rather than the OS's name.
     *
     * @return {@code true} where each arrival is a new edge
     */
    boolean reportsEveryArrival();

    /**
     * Whether {@link io.mio.Interest#PRIORITY} registers anything: epoll and poll(2) report a
     * socket's out-of-band data as a priority event, while kqueue has no filter for it (mio
     * offers the interest on Linux only), so there a registration for priority alone waits for
     * nothing.
     *
     * @return {@code true} where out-of-band data gives a priority event
     */
    boolean reportsPriority();

    /**
     * Whether a datagram larger than the room given is received with its full length, as
     * Linux's {@code MSG_TRUNC} tells it; elsewhere (the BSDs, macOS, Windows) the OS says only
     * that it was cut, and the length reported is one more than the room.
     *
     * @return {@code true} where the full length is known
     */
    boolean reportsTruncatedLength();

    /**
     * Tells why this backend cannot run here, without touching native code that might be missing.
     *
     * @return {@code null} when it can run, else a sentence naming what is missing
     */
    String unavailabilityCause();

    /**
     * Opens the OS event queue.
     *
     * @return a new selector, close-on-exec
     * @throws IOException when the OS refuses (for example at its descriptor limit)
     */
    Selector openSelector() throws IOException;

    /**
     * Allocates the native array that one {@link Selector#select} call fills.
     *
     * @param capacity the number of events it holds, at least 1
     * @return the array, zeroed
     */
    EventArray newEventArray(int capacity);

    /**
     * The socket calls of this OS.
     *
     * @return the shared instance
     */
    Sockets sockets();

    /**
     * The calls only Unix has: pipes, socket pairs, descriptor passing, peer credentials.
     *
     * @return them, or {@code null} on an OS without them
     */
    UnixCalls unix();
}
