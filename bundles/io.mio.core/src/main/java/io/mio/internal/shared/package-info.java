/**
 * The core's machinery that {@code io.mio.net} shares and no backend implements: a source's
 * registration state and its do_io ({@link io.mio.internal.shared.IoSource}), the bridge from a
 * {@link io.mio.Registry} to its selector ({@link io.mio.internal.shared.CoreAccess}), the
 * undrained-readiness watch, and the one place a backend is chosen
 * ({@link io.mio.internal.shared.Backends}). Exported to {@code io.mio.net} alone.
 */
package io.mio.internal.shared;
