/**
 * The contract between Mio's OS-neutral modules and its per-OS backends: what a backend
 * implements, and the few OS-neutral pieces it builds on. Exported for the backend modules to
 * provide, whichever OS they serve, so the core's module descriptor names none of them; it is
 * not an API for programs and may change in any release (in OSGi a mandatory attribute keeps
 * strangers from wiring to it).
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
 * <p>The OS-neutral pieces a backend builds on also live here: {@link io.mio.spi.Descriptor} (a
 * descriptor that is never used after it is closed) and {@link io.mio.spi.OsMemory} (how a
 * caller's memory may reach the OS). The core's own machinery — a source's registration state,
 * the choice of backend — is in {@code io.mio.internal.shared}, which only {@code io.mio.net}
 * sees.
 */
package io.mio.spi;
