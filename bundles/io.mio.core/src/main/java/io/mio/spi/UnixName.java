package io.mio.spi;

import java.io.Serial;
import java.net.SocketAddress;
import java.util.Arrays;

/**
 * A Unix-domain socket address as the kernel takes it in {@code sun_path}, without the trailing
 * NUL: a filesystem path's bytes; a leading NUL byte for a Linux abstract name; no bytes for an
 * unnamed socket. The public form is {@code io.mio.net.UnixSocketAddress}.
 */
public final class UnixName extends SocketAddress {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The name's bytes as the kernel stores them: a path, or a NUL then an abstract name; empty when unnamed. */
    private final byte[] bytes;

    /**
     * Wraps the bytes; the caller does not change them afterwards.
     *
     * @param bytes the {@code sun_path} bytes
     */
    public UnixName(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The {@code sun_path} bytes, not copied: callers only read them.
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnixName name && Arrays.equals(bytes, name.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "UnixName" + Arrays.toString(bytes);
    }
}
