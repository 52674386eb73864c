package io.mio.net;

import io.mio.spi.UnixName;
import java.io.Serial;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The address of a Unix-domain socket: a filesystem path, an abstract name, or none (unnamed).
 *
 * <p>Java's {@link UnixDomainSocketAddress} expresses paths only; this type also expresses the
 * two forms the OS reports besides: an <em>unnamed</em> socket (one that was never bound, such
 * as either end of a {@link UnixStream#pair()} or a client's end), and an <em>abstract</em> name
 * (a Linux extension: a name in its own namespace, not in the filesystem, gone when the socket
 * closes; other systems refuse it).
 *
 * {@snippet :
 * UnixSocketAddress onDisk = UnixSocketAddress.of(Path.of("/run/app.sock"));
 * UnixSocketAddress inMemory = UnixSocketAddress.ofAbstractName("app"); // Linux only
 * }
 */
public final class UnixSocketAddress extends SocketAddress {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final UnixSocketAddress UNNAMED = new UnixSocketAddress(new UnixName(new byte[0]));

    /** The address in the form the backend passes to the kernel. */
    private final UnixName name;

    private UnixSocketAddress(UnixName name) {
        this.name = name;
    }

    /**
     * The address of a filesystem path.
     *
     * @param path the path; at most 107 bytes in UTF-8 on Linux (longer ones fail to bind or connect)
     * @return the address
     * @throws IllegalArgumentException when the path is empty or contains a NUL character
     */
    public static UnixSocketAddress of(Path path) {
        byte[] bytes = Objects.requireNonNull(path, "path").toString().getBytes(StandardCharsets.UTF_8);
        boolean hasNul = false;
        for (byte b : bytes) {
            hasNul |= b == 0;
        }
        if (bytes.length == 0 || hasNul) {
            throw new IllegalArgumentException("not a socket path: '" + path + "'");
        }
        return new UnixSocketAddress(new UnixName(bytes));
    }

    /**
     * The address of a path given as Java's own Unix-domain address.
     *
     * @param address the address
     * @return the same path as a Mio address
     */
    public static UnixSocketAddress of(UnixDomainSocketAddress address) {
        return of(Objects.requireNonNull(address, "address").getPath());
    }

    /**
     * An abstract name: a Linux extension, a name outside the filesystem.
     *
     * @param name the name's bytes, without the leading NUL the kernel uses to mark it; at most 107
     * @return the address
     */
    public static UnixSocketAddress ofAbstractName(byte[] name) {
        byte[] bytes = new byte[Objects.requireNonNull(name, "name").length + 1];
        System.arraycopy(name, 0, bytes, 1, name.length);
        return new UnixSocketAddress(new UnixName(bytes));
    }

    /**
     * An abstract name given as text, in UTF-8.
     *
     * @param name the name
     * @return the address
     */
    public static UnixSocketAddress ofAbstractName(String name) {
        return ofAbstractName(Objects.requireNonNull(name, "name").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The address of a socket that has no name.
     *
     * @return the unnamed address
     */
    public static UnixSocketAddress unnamed() {
        return UNNAMED;
    }

    static UnixSocketAddress of(UnixName name) {
        return name.bytes().length == 0 ? UNNAMED : new UnixSocketAddress(name);
    }

    UnixName name() {
        return name;
    }

    /**
     * Whether this is the address of a socket with no name.
     *
     * @return {@code true} for an unnamed socket
     */
    public boolean isUnnamed() {
        return name.bytes().length == 0;
    }

    /**
     * The filesystem path, when this is one.
     *
     * @return the path, or empty for an abstract name or an unnamed socket
     */
    public Optional<Path> path() {
        byte[] bytes = name.bytes();
        return bytes.length == 0 || bytes[0] == 0 ? Optional.empty() : Optional.of(Path.of(new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * The abstract name, when this is one.
     *
     * @return a copy of the name's bytes (without the marking NUL), or empty
     */
    public Optional<byte[]> abstractName() {
        byte[] bytes = name.bytes();
        return bytes.length > 0 && bytes[0] == 0 ? Optional.of(Arrays.copyOfRange(bytes, 1, bytes.length)) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnixSocketAddress address && name.equals(address.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** A path as itself, an abstract name after an {@code @} (as {@code ss} shows it), or {@code (unnamed)}. */
    @Override
    public String toString() {
        if (isUnnamed()) {
            return "(unnamed)";
        }
        return abstractName().map(n -> "@" + new String(n, StandardCharsets.UTF_8))
                .orElseGet(() -> path().orElseThrow().toString());
    }
}
