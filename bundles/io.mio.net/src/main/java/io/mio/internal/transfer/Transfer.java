package io.mio.internal.transfer;

/** Which system call moves the bytes. */
public enum Transfer {
    /** {@code recv}/{@code send} on a socket: writes never raise {@code SIGPIPE}. */
    SOCKET,
    /** {@code recv(MSG_PEEK)}: reads without taking the data from the socket. */
    PEEK,
    /** {@code read}/{@code write}, for descriptors that are not sockets, such as pipes. */
    FILE
}
