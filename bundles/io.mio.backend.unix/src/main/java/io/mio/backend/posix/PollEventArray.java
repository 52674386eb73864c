package io.mio.backend.posix;

import static io.mio.backend.posix.PollCall.POLLERR;
import static io.mio.backend.posix.PollCall.POLLHUP;
import static io.mio.backend.posix.PollCall.POLLIN;
import static io.mio.backend.posix.PollCall.POLLNVAL;
import static io.mio.backend.posix.PollCall.POLLOUT;
import static io.mio.backend.posix.PollCall.POLLPRI;
import static io.mio.backend.posix.PollCall.POLLRDHUP;

import io.mio.spi.EventArray;
import java.util.StringJoiner;

/**
 * The events of one poll selector's {@code select}: a token and the {@code revents} the kernel
 * reported, copied out of the {@code pollfd} array, which the selector reuses. The flag tests are
 * mio's ({@code src/sys/unix/selector/poll.rs}).
 */
final class PollEventArray implements EventArray {
    final long[] tokens;
    final short[] revents;

    PollEventArray(int capacity) {
        this.tokens = new long[capacity];
        this.revents = new short[capacity];
    }

    @Override
    public int capacity() {
        return tokens.length;
    }

    @Override
    public long token(int i) {
        return tokens[i];
    }

    @Override
    public boolean isReadable(int i) {
        return (revents[i] & (POLLIN | POLLPRI)) != 0;
    }

    @Override
    public boolean isWritable(int i) {
        return (revents[i] & POLLOUT) != 0;
    }

    @Override
    public boolean isError(int i) {
        return (revents[i] & (POLLERR | POLLNVAL)) != 0;
    }

    @Override
    public boolean isReadClosed(int i) {
        return (revents[i] & (POLLHUP | POLLRDHUP)) != 0;
    }

    @Override
    public boolean isWriteClosed(int i) {
        int r = revents[i];
        // Both halves closed; or a pipe's write end whose reader went (POLLOUT with POLLERR, or
        // POLLERR alone).
        return (r & POLLHUP) != 0 || ((r & POLLOUT) != 0 && (r & POLLERR) != 0) || r == POLLERR;
    }

    @Override
    public boolean isPriority(int i) {
        return (revents[i] & POLLPRI) != 0;
    }

    @Override
    public String describe(int i) {
        StringJoiner names = new StringJoiner("|");
        int r = revents[i];
        String[] flags = {"POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL"};
        for (int bit = 0; bit < flags.length; bit++) {
            if ((r & (1 << bit)) != 0) {
                names.add(flags[bit]);
            }
        }
        if ((r & POLLRDHUP) != 0) {
            names.add("POLLRDHUP");
        }
        return names.toString();
    }
}
