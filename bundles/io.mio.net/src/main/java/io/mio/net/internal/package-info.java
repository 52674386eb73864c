/**
 * The transfer code Mio's socket and pipe types share. Not exported: its public classes are
 * public only so that {@code io.mio.net} and {@code io.mio.unix} can both use them.
 */
package io.mio.net.internal;
