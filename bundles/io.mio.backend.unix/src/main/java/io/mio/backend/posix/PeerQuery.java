package io.mio.backend.posix;

/**
 * How one OS tells who is at the other end of a connected Unix-domain socket: which option to
 * ask, at which level, and where in the structure it fills ({@link UnixLayouts#peerCredentials()})
 * the process, user and group ids are, by member name.
 *
 * <ul>
 *   <li>Linux: {@code SO_PEERCRED} at {@code SOL_SOCKET}, a {@code struct ucred};
 *   <li>OpenBSD: the same option, a {@code struct sockpeercred} in another order;
 *   <li>NetBSD: {@code LOCAL_PEEREID} at level 0, a {@code struct unpcbid};
 *   <li>macOS, FreeBSD, DragonFly: {@code LOCAL_PEERCRED} at level 0, a {@code struct xucred},
 *       whose first group is the effective one; macOS gives the pid by {@code LOCAL_PEERPID}, the
 *       others not at all (FreeBSD 13's {@code cr_pid} is not read, so that 12 works too).
 * </ul>
 *
 * @param level the option's level: {@code SOL_SOCKET}'s value, or 0 for the local protocol
 *     ({@code SOL_LOCAL} where the headers name it)
 * @param option the option
 * @param pid the pid's member, or null where the structure has none
 * @param uid the effective uid's member
 * @param gid the effective gid's member (for {@code xucred}, {@code cr_groups}: its first)
 * @param pidOption an option that answers the pid alone as an {@code int}, or null
 */
record PeerQuery(int level, UnixConstant option, String pid, String uid, String gid, UnixConstant pidOption) {
    /** Linux's, and OpenBSD's: {@code SO_PEERCRED}, with members named pid, uid and gid. */
    static PeerQuery soPeercred(ConstantTable constants) {
        return new PeerQuery(constants.get(UnixConstant.SOL_SOCKET), UnixConstant.SO_PEERCRED, "pid", "uid", "gid", null);
    }

    /** {@code LOCAL_PEERCRED} and a {@code struct xucred}: macOS (with its pid option), FreeBSD, DragonFly. */
    static PeerQuery xucred(UnixConstant pidOption) {
        return new PeerQuery(0, UnixConstant.LOCAL_PEERCRED, null, "cr_uid", "cr_groups", pidOption);
    }
}
