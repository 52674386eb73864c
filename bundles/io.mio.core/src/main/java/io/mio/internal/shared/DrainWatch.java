package io.mio.internal.shared;

/**
 * What one registration tells the undrained-readiness detector of a {@link io.mio.Poll}: each
 * time a call on the source ran until the OS had no more to give or take. Only registrations with
 * a Poll opened with the detector have one; the I/O paths call it only where a call would block,
 * so a Poll without the detector pays one null check per drain.
 */
public interface DrainWatch {
    /** A read, receive or accept returned would-block or end of stream. */
    void readDrained();

    /** A write or send returned would-block. */
    void writeDrained();

    /** A write or send took fewer bytes than it was given, so the program has more to write. */
    void wroteShort();
}
