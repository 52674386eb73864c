/**
 * Unix extensions, as mio's {@code mio::unix}: a non-blocking {@link io.mio.unix.Pipe}, and
 * {@link io.mio.unix.SourceFd} to register any descriptor the program owns (a timerfd, a
 * signalfd, an inotify descriptor) with a {@link io.mio.Poll}. Available where the backend is a
 * Unix one; elsewhere the calls fail with {@link java.lang.UnsupportedOperationException}.
 */
package io.mio.unix;
