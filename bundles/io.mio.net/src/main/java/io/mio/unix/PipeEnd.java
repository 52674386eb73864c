package io.mio.unix;

import io.mio.Interest;
import io.mio.Registry;
import io.mio.Token;
import io.mio.event.Source;
import io.mio.spi.IoSource;
import java.io.IOException;
import java.nio.channels.Channel;

/** What both ends of a {@link Pipe} share: the descriptor, its registration, closing. */
abstract sealed class PipeEnd implements Source, Channel permits Pipe.Sender, Pipe.Receiver {
    final IoSource io;

    PipeEnd(IoSource io) {
        this.io = io;
    }

    @Override
    public void register(Registry registry, Token token, Interest interests) throws IOException {
        io.register(registry, token, interests);
    }

    @Override
    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        io.reregister(registry, token, interests);
    }

    @Override
    public void deregister(Registry registry) throws IOException {
        io.deregister(registry);
    }

    /**
     * Whether this end is open.
     *
     * @return {@code false} once closed
     */
    @Override
    public boolean isOpen() {
        return !io.isClosed();
    }

    /**
     * Closes this end; the other end then sees end of stream (reading) or a broken pipe
     * (writing). Idempotent and safe against concurrent use, as for sockets.
     */
    @Override
    public void close() {
        io.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + io + "]";
    }
}
