/**
 * Non-blocking TCP, UDP and Unix-domain sockets that register with a {@link io.mio.Poll}.
 *
 * <p>Every call is non-blocking. Stream sockets follow the {@code java.nio.channels} conventions
 * for non-blocking channels: a read or write that would block returns 0, an accept returns
 * {@code null}, end of stream reads as -1. Datagram sockets return {@code WOULD_BLOCK} (-1)
 * instead, because 0 is the length of an empty datagram. Errors are the
 * {@link java.io.IOException} subclasses a Java user knows ({@link java.net.ConnectException},
 * {@link java.net.BindException}, {@link java.nio.channels.ClosedChannelException},
 * {@link java.net.SocketException} with the operating system's message and errno name).
 *
 * <p>Every socket is created non-blocking and close-on-exec in one call, is closed by
 * {@code close()} (idempotent, safe against a concurrent call on another thread: no call ever
 * reaches a descriptor number that was closed and reused), and takes heap and direct
 * {@link java.nio.ByteBuffer}s, {@code byte[]} and {@link java.lang.foreign.MemorySegment}s
 * without copying.
 */
package io.mio.net;
