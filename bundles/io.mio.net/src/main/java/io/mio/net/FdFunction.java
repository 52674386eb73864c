package io.mio.net;

import java.io.IOException;

/**
 * Code that works on a descriptor number: a foreign call made with {@code tryIo}, or one of the
 * {@code fromRawFd} factories given to {@link OwnedFd#into}.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface FdFunction<T> {
    /**
     * Works on {@code fd}.
     *
     * @param fd the descriptor, open for the length of the call
     * @return the result
     * @throws IOException when the work fails
     */
    T apply(int fd) throws IOException;
}
