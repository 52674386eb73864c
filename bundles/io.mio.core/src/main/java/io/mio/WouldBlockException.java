package io.mio;

import java.io.IOException;
import java.io.Serial;

/**
 * Said by a program's own call made through a socket's {@code tryIo} when the OS answered that
 * the call would block ({@code EAGAIN}): mio's {@code io::ErrorKind::WouldBlock}. Mio re-arms the
 * source's registration before the exception reaches the caller, so the next readiness is
 * reported on every OS — on those where Mio only emulates edge triggering too.
 *
 * {@snippet :
 * int n = stream.tryIo(fd -> {
 *     long got = myRecv(fd, buffer);              // a call of your own, made with FFM
 *     if (got == -EAGAIN) {
 *         throw new WouldBlockException();      // wait for the next readable event
 *     }
 *     return (int) got;
 * });
 * }
 *
 * <p>It records no stack trace, which makes it cheap to throw.
 */
public final class WouldBlockException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public WouldBlockException() {
        super("the call would block");
    }

    /**
     * Records no stack trace: the exception says what happened, not where.
     *
     * @return this
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
