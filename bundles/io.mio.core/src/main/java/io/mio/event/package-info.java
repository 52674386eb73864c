/**
 * The {@link io.mio.event.Source} contract: what a {@link io.mio.Poll} can report readiness for.
 */
package io.mio.event;
