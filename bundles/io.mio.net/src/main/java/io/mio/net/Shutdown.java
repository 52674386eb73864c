package io.mio.net;

/** Which half of a connection {@link TcpStream#shutdown(Shutdown)} closes. */
public enum Shutdown {
    /** The read half: later reads return -1 (end of stream). */
    READ,
    /** The write half: the peer reads end of stream; later writes fail. */
    WRITE,
    /** Both halves. */
    BOTH
}
