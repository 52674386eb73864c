/**
 * The transfers every Mio socket and pipe shares — reads, writes, datagrams, accept, adopting a
 * descriptor — for both {@code io.mio.net} and {@code io.mio.unix}, which is why it is named
 * after neither. Not exported: its public classes are public only so that both packages can use
 * them.
 */
package io.mio.internal.transfer;
