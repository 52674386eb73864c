package io.mio.spi;

/**
 * The OS's own event structs, in one native array allocated once and reused for every
 * {@link Selector#select}. Each accessor reads event {@code i} in place: no object per event.
 *
 * <p>Readable and writable are exact; the other kinds are hints that may be missing but are never
 * reported falsely, as in mio.
 */
public interface EventArray {
    /**
     * The number of events one {@link Selector#select} can write.
     *
     * @return at least 1
     */
    int capacity();

    /**
     * The token registered with event {@code i}'s source.
     *
     * @param i the event's index, below the count {@code select} returned
     * @return the token's 64 bits
     */
    long token(int i);

    /**
     * Whether event {@code i} reports readiness to read (including out-of-band data).
     *
     * @param i the event's index
     * @return the readable bit
     */
    boolean isReadable(int i);

    /**
     * Whether event {@code i} reports readiness to write.
     *
     * @param i the event's index
     * @return the writable bit
     */
    boolean isWritable(int i);

    /**
     * Whether event {@code i} reports an error on the source.
     *
     * @param i the event's index
     * @return the error hint
     */
    boolean isError(int i);

    /**
     * Whether event {@code i} reports that the read half is closed.
     *
     * @param i the event's index
     * @return the read-closed hint
     */
    boolean isReadClosed(int i);

    /**
     * Whether event {@code i} reports that the write half is closed.
     *
     * @param i the event's index
     * @return the write-closed hint
     */
    boolean isWriteClosed(int i);

    /**
     * Whether event {@code i} reports priority (out-of-band) data.
     *
     * @param i the event's index
     * @return the priority hint
     */
    boolean isPriority(int i);

    /**
     * Whether event {@code i} is a POSIX AIO completion; only kqueue reports these.
     *
     * @param i the event's index
     * @return the AIO bit; this default, for the queues that have none, says no
     */
    default boolean isAio(int i) {
        return false;
    }

    /**
     * Whether event {@code i} is an {@code lio_listio} completion; only FreeBSD reports these.
     *
     * @param i the event's index
     * @return the LIO bit; this default, for the queues that have none, says no
     */
    default boolean isLio(int i) {
        return false;
    }

    /**
     * The OS's raw flags of event {@code i}, for {@code toString} and debugging; the format may
     * change.
     *
     * @param i the event's index
     * @return for example {@code "EPOLLIN|EPOLLOUT"}
     */
    String describe(int i);
}
