package io.mio.net;

import org.junit.jupiter.api.Assumptions;

/**
 * Where libkqueue — kqueue emulated over epoll, which the developer switch
 * {@code -Dmio.libkqueue=<path>} runs the kqueue backend through — behaves unlike the BSD kernels
 * the backend is written for. A test that meets one skips itself on that run only, naming it, so
 * that the run stays a check of everything else; on every other run the test asserts as written.
 */
enum LibkqueueDivergence {
    /**
     * kqueue(2): "Calling close() on a file descriptor will remove any kevents that reference
     * the descriptor." libkqueue's epoll watches the open file instead, so a surviving copy of the
     * descriptor keeps the filters firing, and a new socket given the same number inherits the
     * old one's filters while epoll watches nothing for it.
     */
    CLOSE_KEEPS_FILTERS("libkqueue keeps a closed descriptor's filters, which close(2) removes on the BSDs"),
    /**
     * The BSD kernels copy {@code so_error} into {@code fflags}; libkqueue fetches it with
     * {@code getsockopt(SO_ERROR)}, which on Linux also clears it, so the read or
     * {@code takeError} that follows the event finds no error.
     */
    TAKES_THE_SOCKET_ERROR("libkqueue clears the socket's pending error with getsockopt(SO_ERROR) to fill fflags"),
    /**
     * libkqueue holds descriptors of its own (an epoll, eventfds, a closed queue's resources
     * until it notices the close), so counts of the process's descriptors move without Mio.
     */
    HOLDS_DESCRIPTORS_OF_ITS_OWN("libkqueue opens and frees descriptors of its own, so descriptor counts move"),
    /**
     * A descriptor's read and write filters share one epoll registration, and an edge of the
     * read side comes out of the write filter too: seen after the read filter was deleted, where
     * the BSD kernels, with {@code EV_CLEAR}, report the write filter again only when the send
     * buffer's room changes.
     */
    WRITE_EVENT_ON_A_READ_EDGE("libkqueue reports the write filter again on an edge of the read side");

    private final String sentence;

    LibkqueueDivergence(String sentence) {
        this.sentence = sentence;
    }

    /**
     * Whether this run goes through libkqueue.
     *
     * @return {@code true} when the switch is on and the kqueue backend is the one in use
     */
    static boolean thisRunUsesLibkqueue() {
        return System.getProperty("io.mio.kqueue.library") != null
                && "kqueue".equals(io.mio.internal.shared.Backends.current().name());
    }

    /** Skips the calling test on a libkqueue run, naming this divergence. */
    void skipOnLibkqueue() {
        Assumptions.assumeFalse(thisRunUsesLibkqueue(), this::toString);
    }

    @Override
    public String toString() {
        return name() + ": " + sentence;
    }
}
