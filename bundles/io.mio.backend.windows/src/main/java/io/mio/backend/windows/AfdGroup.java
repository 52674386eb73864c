package io.mio.backend.windows;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;

/**
 * A selector's AFD handles, shared as mio shares them: a socket is polled through the newest
 * handle until {@link #SOCKETS_PER_HANDLE} use it, then a new one is opened; a handle no socket
 * uses any longer is closed. Guarded by the selector's lock.
 */
final class AfdGroup {
    /** mio's figure: more in-flight polls on one handle slow the driver down. */
    static final int SOCKETS_PER_HANDLE = 32;

    private final CompletionPort port;
    private final Arena arena;
    private final List<AfdHandle> handles = new ArrayList<>();

    AfdGroup(CompletionPort port, Arena arena) {
        this.port = port;
        this.arena = arena;
    }

    /**
     * A handle for one more socket.
     *
     * @return it, counted
     * @throws IOException when a new one is needed and the OS refuses it
     */
    AfdHandle acquire() throws IOException {
        AfdHandle last = handles.isEmpty() ? null : handles.getLast();
        if (last == null || last.users() >= SOCKETS_PER_HANDLE) {
            last = AfdHandle.open(port, arena);
            handles.add(last);
        }
        last.acquire();
        return last;
    }

    /**
     * A socket no longer polls through {@code afd}: closed when it was the last.
     *
     * @param afd the handle {@link #acquire} gave
     */
    void release(AfdHandle afd) {
        if (afd.release()) {
            handles.remove(afd);
            afd.close();
        }
    }

    /** Closes every handle, as the selector closes. */
    void closeAll() {
        for (AfdHandle afd : handles) {
            afd.close();
        }
        handles.clear();
    }
}
