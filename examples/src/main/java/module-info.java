/** Runnable examples of Mio for Java: the seed's TCP example, the guide's server, an echo server. */
module io.mio.examples {
    requires io.mio.net;
}
