/** Implementation classes of {@code io.mio.core}; not exported. */
package io.mio.internal;
