/**
 * The contract between Mio's OS-neutral modules and its per-OS backends. Not public API: it is
 * exported only to Mio's own modules and may change in any release.
 *
 * <p>A backend supplies, as mio's {@code src/sys/mod.rs} requires of each OS:
 * <ul>
 *   <li>a {@link io.mio.spi.Backend}, registered for {@link java.util.ServiceLoader} (the module
 *       {@code provides} it and the jar carries a {@code META-INF/services} entry, so that it is
 *       found on the module path, the class path and as an OSGi fragment of {@code io.mio.core});
 *   <li>a {@link io.mio.spi.Selector}: the OS event queue, edge-triggered, thread-safe for
 *       registration while another thread waits in {@link io.mio.spi.Selector#select};
 *   <li>an {@link io.mio.spi.EventArray}: the OS's own event structs in native memory, allocated
 *       once, read in place;
 *   <li>a {@link io.mio.spi.WakeSignal} per waker;
 *   <li>{@link io.mio.spi.Sockets}: the socket calls, with would-block as a value and every other
 *       failure as the {@link java.io.IOException} subclass a Java user expects.
 * </ul>
 *
 * <p>The OS-neutral pieces every backend shares also live here: {@link io.mio.spi.Descriptor}
 * (a descriptor that is never used after it is closed), {@link io.mio.spi.IoSource} (a socket's
 * registration state), and {@link io.mio.spi.Backends} (the one place a backend is chosen).
 */
package io.mio.spi;
