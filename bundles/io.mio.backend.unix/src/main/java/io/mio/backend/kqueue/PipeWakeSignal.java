package io.mio.backend.kqueue;

import io.mio.backend.posix.Errno;
import io.mio.backend.posix.PosixSockets;
import io.mio.backend.posix.Unistd;
import io.mio.spi.Descriptor;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedChannelException;

/**
 * A Waker on a pipe (OpenBSD, NetBSD: no {@code EVFILT_USER}), as mio's
 * ({@code src/sys/unix/waker/pipe.rs}): the read end is registered readable with the Waker's
 * token, and each wake writes one byte, a new edge; only when the pipe is full is it emptied, and
 * the byte written again.
 */
final class PipeWakeSignal implements WakeSignal {
    private static final MemorySegment BYTE = Arena.global().allocate(1);

    private final Descriptor receiver;
    private final Descriptor sender;

    private PipeWakeSignal(int[] pipe) {
        this.receiver = new Descriptor(pipe[0], Unistd.CLOSER);
        this.sender = new Descriptor(pipe[1], Unistd.CLOSER);
    }

    /** A non-blocking, close-on-exec pipe. */
    static int[] pipe() throws IOException {
        return PosixSockets.INSTANCE.pipe();
    }

    static PipeWakeSignal open(KqueueSelector selector, long token) throws IOException {
        PipeWakeSignal signal = new PipeWakeSignal(pipe());
        try {
            selector.registerWakePipe((int) signal.receiver.number(), token);
        } catch (IOException | RuntimeException e) {
            signal.close();
            throw e;
        }
        return signal;
    }

    /** Writes one byte, if there is room. */
    static long poke(long fd) {
        return Unistd.write(fd, BYTE);
    }

    @Override
    public void wake() throws IOException {
        long fd = sender.acquire();
        if (fd < 0) {
            throw new ClosedChannelException();
        }
        try {
            long written = poke(fd);
            if (written == -Errno.EAGAIN) {
                drain();
                written = poke(fd);
            }
            if (written < 0 && written != -Errno.EAGAIN) { // full again: a wake is pending anyway
                throw Errno.ioException("write(wake pipe " + fd + ")", (int) -written);
            }
        } finally {
            sender.release();
        }
    }

    private void drain() {
        long fd = receiver.acquire();
        if (fd < 0) {
            return;
        }
        try {
            MemorySegment sink = Arena.ofAuto().allocate(4096);
            while (Unistd.read(fd, sink) > 0) {
                // emptied until it would block
            }
        } finally {
            receiver.release();
        }
    }

    @Override
    public void close() {
        receiver.close();
        sender.close();
    }

    @Override
    public String toString() {
        return "wake pipe " + receiver + "/" + sender;
    }
}
