package io.mio.net;

/**
 * Who is at the other end of a connected Unix-domain socket, as the OS recorded it when the
 * connection was made ({@code SO_PEERCRED} on Linux and OpenBSD, {@code LOCAL_PEERCRED} on macOS,
 * FreeBSD and DragonFly, {@code LOCAL_PEEREID} on NetBSD).
 *
 * @param pid the peer's process id, or -1 where the OS does not record it (FreeBSD, DragonFly)
 * @param uid the peer's effective user id
 * @param gid the peer's effective group id
 */
public record PeerCredentials(int pid, int uid, int gid) {}
