package io.mio.event;

import io.mio.Interest;
import io.mio.Registry;
import io.mio.Token;
import java.io.IOException;

/**
 * Something whose readiness a {@link io.mio.Poll} can report: every Mio socket is one.
 *
 * <p>Users do not call these methods; they call {@link Registry#register},
 * {@link Registry#reregister} and {@link Registry#deregister}, which call them. A type of the
 * user's own becomes a source by delegating to a Mio source it holds:
 *
 * {@snippet :
 * final class Connection implements Source {
 *     private final TcpStream stream;
 *     private final byte[] pending = new byte[4096];
 *
 *     Connection(TcpStream stream) {
 *         this.stream = stream;
 *     }
 *
 *     @Override
 *     public void register(Registry registry, Token token, Interest interests) throws IOException {
 *         stream.register(registry, token, interests);
 *     }
 *
 *     @Override
 *     public void reregister(Registry registry, Token token, Interest interests) throws IOException {
 *         stream.reregister(registry, token, interests);
 *     }
 *
 *     @Override
 *     public void deregister(Registry registry) throws IOException {
 *         stream.deregister(registry);
 *     }
 * }
 * }
 *
 * <p>A source belongs to the first Poll it is registered with for as long as it lives.
 */
public interface Source {
    /**
     * Registers this source; called by {@link Registry#register}.
     *
     * @param registry the registry
     * @param token the token its events will carry
     * @param interests the readiness to report
     * @throws IOException when the OS refuses
     */
    void register(Registry registry, Token token, Interest interests) throws IOException;

    /**
     * Replaces the registration's token and interests; called by {@link Registry#reregister}.
     *
     * @param registry the registry
     * @param token the new token
     * @param interests the new interests
     * @throws IOException when the OS refuses
     */
    void reregister(Registry registry, Token token, Interest interests) throws IOException;

    /**
     * Ends the registration; called by {@link Registry#deregister}.
     *
     * @param registry the registry
     * @throws IOException when the OS refuses
     */
    void deregister(Registry registry) throws IOException;
}
