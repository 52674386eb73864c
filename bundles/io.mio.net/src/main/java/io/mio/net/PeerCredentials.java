package io.mio.net;

/**
 * Who is at the other end of a connected Unix-domain socket, as the OS recorded it when the
 * connection was made ({@code SO_PEERCRED} on Linux).
 *
 * @param pid the peer's process id
 * @param uid the peer's effective user id
 * @param gid the peer's effective group id
 */
public record PeerCredentials(int pid, int uid, int gid) {}
