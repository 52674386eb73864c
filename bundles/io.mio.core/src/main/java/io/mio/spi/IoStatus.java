package io.mio.spi;

/**
 * The values a {@link Sockets} transfer returns besides a byte count. They are values, not
 * exceptions, because would-block is the normal end of every drain loop.
 */
public final class IoStatus {
    /** The peer closed its write half: there is nothing more to read. */
    public static final int EOF = -1;
    /** The call would block: nothing was transferred, and an event will say when to try again. */
    public static final int WOULD_BLOCK = -2;

    private IoStatus() {}
}
