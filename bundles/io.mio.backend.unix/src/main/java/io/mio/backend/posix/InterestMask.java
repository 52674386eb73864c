package io.mio.backend.posix;

import io.mio.Interest;

/** How an {@link Interest} becomes an OS's event mask: one mapping, each mechanism's own bits. */
public final class InterestMask {
    private InterestMask() {}

    /**
     * The mask for {@code interests}; AIO and LIO have no bit here.
     *
     * @param interests what the registration wants
     * @param readable the bits for readable
     * @param writable the bits for writable
     * @param priority the bits for priority data
     * @return the union of the bits asked for
     */
    public static int of(Interest interests, int readable, int writable, int priority) {
        return (interests.isReadable() ? readable : 0) | (interests.isWritable() ? writable : 0)
                | (interests.isPriority() ? priority : 0);
    }
}
