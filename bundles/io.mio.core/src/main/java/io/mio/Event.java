package io.mio;

/**
 * One readiness event: which source ({@link #token()}) and what it is ready for.
 *
 * <p>An {@code Event} is a view of one slot of its {@link Events}, read in place from the
 * operating system's own struct; no object is made per event. It is valid until that
 * {@code Events} is polled into or cleared again: copy out what you need to keep.
 *
 * <h2>Portability</h2>
 * Only {@link #isReadable()} and {@link #isWritable()} are reported on every OS. The other
 * methods are hints: an OS may not report them (a false negative), but when one says
 * {@code true} it is so. Code must not rely on them to see, say, a closed connection: a read
 * that returns -1 says that for sure.
 */
public final class Event {
    private final Events events;
    private final int index;

    Event(Events events, int index) {
        this.events = events;
        this.index = index;
    }

    /**
     * The token of the source this event is for, as given when it was registered.
     *
     * <p>Normally the very instance passed to {@link Registry#register}, so that comparing and
     * dispatching on tokens allocates nothing; only a token that shares its cache slot with
     * another live registration is returned as a new, equal instance. Compare tokens with
     * {@link Token#equals}, never with {@code ==}.
     *
     * @return the token
     */
    public Token token() {
        return events.tokens.lookup(events.array.token(index));
    }

    /**
     * Whether the source is ready to read: data, a connection to accept, end of stream, or an
     * error that a read will report. Out-of-band data also counts as readable.
     *
     * @return {@code true} when a read (or accept) should be tried
     */
    public boolean isReadable() {
        return events.array.isReadable(index);
    }

    /**
     * Whether the source is ready to write, or a connect has completed (successfully or not).
     *
     * @return {@code true} when a write (or finishing a connect) should be tried
     */
    public boolean isWritable() {
        return events.array.isWritable(index);
    }

    /**
     * Whether the source has an error pending; a hint.
     *
     * @return {@code true} when the OS reported an error
     */
    public boolean isError() {
        return events.array.isError(index);
    }

    /**
     * Whether the read half is closed: the peer shut down its writing, or the connection is gone;
     * a hint.
     *
     * @return {@code true} when the OS reported it
     */
    public boolean isReadClosed() {
        return events.array.isReadClosed(index);
    }

    /**
     * Whether the write half is closed: the peer shut down its reading or the connection is gone;
     * a hint. A local {@code shutdown} of writing is not reported on every OS.
     *
     * @return {@code true} when the OS reported it
     */
    public boolean isWriteClosed() {
        return events.array.isWriteClosed(index);
    }

    /**
     * Whether priority (out-of-band) data is ready; a hint, reported by epoll only.
     *
     * @return {@code true} when the OS reported it
     */
    public boolean isPriority() {
        return events.array.isPriority(index);
    }

    /**
     * Whether a POSIX AIO operation completed; kqueue only.
     *
     * @return {@code true} when the OS reported it
     */
    public boolean isAio() {
        return events.array.isAio(index);
    }

    /**
     * Whether an {@code lio_listio} operation completed; FreeBSD only.
     *
     * @return {@code true} when the OS reported it
     */
    public boolean isLio() {
        return events.array.isLio(index);
    }

    /** Shows the token, the readiness and the OS's raw flags (whose format may change). */
    @Override
    public String toString() {
        return "Event[token=" + events.array.token(index)
                + (isReadable() ? ", readable" : "")
                + (isWritable() ? ", writable" : "")
                + (isError() ? ", error" : "")
                + (isReadClosed() ? ", read closed" : "")
                + (isWriteClosed() ? ", write closed" : "")
                + (isPriority() ? ", priority" : "")
                + (isAio() ? ", aio" : "")
                + (isLio() ? ", lio" : "")
                + ", os=" + events.array.describe(index) + "]";
    }
}
