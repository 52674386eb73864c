package io.mio;

import java.util.Optional;

/**
 * The kinds of readiness a registration asks for. An empty interest cannot be expressed: every
 * instance asks for at least one kind.
 *
 * <p>Instances are values, shared and never allocated after class initialisation, so
 * {@link #add} and {@link #remove} cost nothing on a hot path.
 *
 * {@snippet :
 * Interest both = Interest.READABLE.add(Interest.WRITABLE);
 * assert both.isReadable() && both.isWritable();
 * assert both.remove(Interest.WRITABLE).orElseThrow() == Interest.READABLE;
 * }
 *
 * <h2>Portability</h2>
 * {@link #READABLE} and {@link #WRITABLE} work everywhere. {@link #PRIORITY} (out-of-band data)
 * is honoured where the OS reports it separately (epoll); {@link #AIO} and {@link #LIO} only by
 * kqueue on the BSDs and macOS. Elsewhere they register nothing and deliver no event.
 */
public final class Interest {
    private static final int READABLE_BIT = 0b1;
    private static final int WRITABLE_BIT = 0b10;
    private static final int AIO_BIT = 0b100;
    private static final int LIO_BIT = 0b1000;
    private static final int PRIORITY_BIT = 0b1_0000;
    private static final Interest[] ALL = new Interest[32];

    static {
        for (int bits = 1; bits < ALL.length; bits++) {
            ALL[bits] = new Interest(bits);
        }
    }

    /** Readiness to read, to accept, or end of stream. */
    public static final Interest READABLE = ALL[READABLE_BIT];
    /** Readiness to write, or completion of a connect. */
    public static final Interest WRITABLE = ALL[WRITABLE_BIT];
    /** POSIX AIO completions (kqueue only). */
    public static final Interest AIO = ALL[AIO_BIT];
    /** {@code lio_listio} completions (kqueue on FreeBSD only). */
    public static final Interest LIO = ALL[LIO_BIT];
    /** Priority (out-of-band) data (epoll only). */
    public static final Interest PRIORITY = ALL[PRIORITY_BIT];

    private final int bits;

    private Interest(int bits) {
        this.bits = bits;
    }

    /**
     * The union of this interest and another.
     *
     * @param other the kinds to add
     * @return an interest with the kinds of both
     */
    public Interest add(Interest other) {
        return ALL[bits | other.bits];
    }

    /**
     * This interest without the kinds of another.
     *
     * @param other the kinds to remove
     * @return the remaining interest, or empty when no kind would remain
     */
    public Optional<Interest> remove(Interest other) {
        int rest = bits & ~other.bits;
        return rest == 0 ? Optional.empty() : Optional.of(ALL[rest]);
    }

    /**
     * Whether this interest includes {@link #READABLE}.
     *
     * @return {@code true} if so
     */
    public boolean isReadable() {
        return (bits & READABLE_BIT) != 0;
    }

    /**
     * Whether this interest includes {@link #WRITABLE}.
     *
     * @return {@code true} if so
     */
    public boolean isWritable() {
        return (bits & WRITABLE_BIT) != 0;
    }

    /**
     * Whether this interest includes {@link #AIO}.
     *
     * @return {@code true} if so
     */
    public boolean isAio() {
        return (bits & AIO_BIT) != 0;
    }

    /**
     * Whether this interest includes {@link #LIO}.
     *
     * @return {@code true} if so
     */
    public boolean isLio() {
        return (bits & LIO_BIT) != 0;
    }

    /**
     * Whether this interest includes {@link #PRIORITY}.
     *
     * @return {@code true} if so
     */
    public boolean isPriority() {
        return (bits & PRIORITY_BIT) != 0;
    }

    /** Formats as mio does: {@code "READABLE | WRITABLE"}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, READABLE_BIT, "READABLE");
        append(text, WRITABLE_BIT, "WRITABLE");
        append(text, AIO_BIT, "AIO");
        append(text, LIO_BIT, "LIO");
        append(text, PRIORITY_BIT, "PRIORITY");
        return text.toString();
    }

    private void append(StringBuilder text, int bit, String name) {
        if ((bits & bit) != 0) {
            text.append(text.isEmpty() ? "" : " | ").append(name);
        }
    }
}
