/**
 * Mio's event queue: {@link io.mio.Poll}, {@link io.mio.Registry}, {@link io.mio.Events},
 * {@link io.mio.Event}, {@link io.mio.Interest}, {@link io.mio.Token} and {@link io.mio.Waker}.
 *
 * <p>Open a {@link io.mio.Poll}, register sources (the sockets of {@code io.mio.net}) with a
 * {@link io.mio.Token} and an {@link io.mio.Interest}, then poll in a loop and act on each
 * {@link io.mio.Event}, draining every ready source until its call would block.
 */
package io.mio;
