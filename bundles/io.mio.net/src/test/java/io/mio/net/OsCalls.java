package io.mio.net;

import java.io.IOException;

/**
 * What the tests ask the OS directly, as an independent check of what Mio did: whether a handle
 * is open, whether Mio's sockets are non-blocking and not inherited, how many handles the process
 * holds. One implementation per OS family, picked by the backend in use.
 */
interface OsCalls {
    /**
     * The calls of the OS the backend in use runs on.
     *
     * @return them
     */
    static OsCalls current() {
        return io.mio.internal.shared.Backends.current().unix() == null ? WindowsCalls.INSTANCE : UnixCalls.INSTANCE;
    }

    /** Whether this process has the descriptor or handle open. */
    boolean isOpen(long handle);

    /** Makes a socket blocking, as another holder of it might. */
    void makeBlocking(long handle) throws Throwable;

    /** Asserts what mio asserts of every socket it creates: non-blocking, and not inherited by children. */
    void assertOwnSocket(long handle) throws IOException;

    /** How many descriptors or handles this process holds. */
    int openHandles() throws IOException;

    /** Unix: the descriptor table, through libc and {@code /dev/fd}. */
    final class UnixCalls implements OsCalls {
        static final UnixCalls INSTANCE = new UnixCalls();

        @Override
        public boolean isOpen(long handle) {
            return NativeCalls.isOpen(handle);
        }

        @Override
        public void makeBlocking(long handle) throws Throwable {
            NativeCalls.makeBlocking((int) handle);
        }

        @Override
        public void assertOwnSocket(long handle) {
            org.junit.jupiter.api.Assertions.assertTrue(NativeCalls.isNonBlocking(handle), "O_NONBLOCK on fd " + handle);
            org.junit.jupiter.api.Assertions.assertTrue(NativeCalls.isCloseOnExec(handle), "FD_CLOEXEC on fd " + handle);
        }

        @Override
        public int openHandles() throws IOException {
            try (var entries = java.nio.file.Files.list(java.nio.file.Path.of("/dev/fd"))) {
                return (int) entries.count();
            }
        }
    }
}
