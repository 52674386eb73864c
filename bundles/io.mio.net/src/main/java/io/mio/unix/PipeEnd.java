package io.mio.unix;

import io.mio.Interest;
import io.mio.Registry;
import io.mio.Token;
import io.mio.event.Source;
import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.net.FdFunction;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;

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
     * The OS descriptor number, for calls Mio does not make (an option it does not wrap, a
     * descriptor to pass to another process). It stays this object's: do not close it. It names
     * this pipe end only while it is open: once {@link #close()} runs, the OS may give the number
     * to the next file opened.
     *
     * @return the descriptor number
     * @throws ClosedChannelException once closed
     */
    public int rawFd() throws ClosedChannelException {
        return SocketIo.rawFd(io);
    }

    /**
     * Takes the descriptor out of Mio: this object is closed afterwards, but the descriptor is
     * not, and closing it becomes the caller's job. The way back is each type's
     * {@code fromRawFd}.
     *
     * @return the descriptor number, still non-blocking and close-on-exec
     * @throws ClosedChannelException once closed
     * @throws IllegalStateException while registered with a Poll (deregister first), or when
     *     other threads keep using it
     */
    public int intoRawFd() throws ClosedChannelException {
        return SocketIo.intoRawFd(io);
    }

    /**
     * Runs a call of the caller's own on the descriptor — an option or {@code ioctl} Mio does not
     * wrap, made with FFM — holding it open meanwhile, so that a {@link #close()} on another
     * thread cannot let the number be reused under the call. Mio's {@code try_io}: a call that
     * found the OS would block throws {@link io.mio.WouldBlockException}, and Mio re-arms the
     * registration before passing it on, so the next readiness is reported as for Mio's own calls.
     *
     * @param <T> what the call returns
     * @param call the call, given the descriptor number
     * @return what it returned
     * @throws IOException what the call throws, {@link io.mio.WouldBlockException} included;
     *     {@link ClosedChannelException} once closed
     */
    public <T> T tryIo(FdFunction<T> call) throws IOException {
        return SocketIo.tryIo(io, call);
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
