package io.mio.spi;

import io.mio.Interest;
import java.io.IOException;

/**
 * One source's registration with a {@link Selector}, as mio's {@code IoSourceState} is: the
 * source keeps it from {@link Selector#register} until it deregisters or closes, and every later
 * change goes through it.
 *
 * <p>A backend whose OS keeps the registration itself (epoll, kqueue) may return one stateless
 * instance for every source. One that emulates edge triggering (poll(2), Windows AFD) keeps the
 * state here: what is armed, what was reported, and re-arms a side when a call on it would
 * block ({@link #wouldBlock}), which every I/O call reports through the source
 * ({@code io.mio.internal.shared.IoSource}).
 *
 * <p>Calls for one source are serialised by the source, except {@link #wouldBlock}, which the
 * source's I/O calls make from any thread, also while another thread waits in
 * {@link Selector#select}.
 */
public interface Registration {
    /**
     * Replaces the token and the interests.
     *
     * @param fd the descriptor, held open by the caller
     * @param token the new token
     * @param interests the new interests, replacing the old ones entirely
     * @throws IOException when the OS refuses
     * @throws java.nio.channels.ClosedSelectorException once the selector is closed
     */
    void reregister(long fd, long token, Interest interests) throws IOException;

    /**
     * Ends the registration: no later {@link Selector#select} reports it.
     *
     * @param fd the descriptor, held open by the caller
     * @throws IOException when the OS refuses
     * @throws java.nio.channels.ClosedSelectorException once the selector is closed
     */
    void deregister(long fd) throws IOException;

    /**
     * The source is closing: ends the registration before the number is released, so that a new
     * descriptor given the same number is never reported under this token. Never throws: a
     * close loses nothing the caller could act on.
     *
     * @param fd the descriptor, still held open by the caller
     */
    void closing(long fd);

    /**
     * mio's {@code do_io} hook: a call on the source found one side exhausted — it would block,
     * or a stream transfer came back short — so the next readiness of that side must be
     * reported. Where the OS keeps edge triggering itself this does nothing.
     *
     * @param reading {@code true} for the read side (reads, receives, accepts), {@code false}
     *     for the write side
     */
    void wouldBlock(boolean reading);
}
