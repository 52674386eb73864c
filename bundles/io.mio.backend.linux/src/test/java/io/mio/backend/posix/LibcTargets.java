package io.mio.backend.posix;

import java.util.List;
import java.util.Map;

/**
 * Which of the Rust {@code libc} crate's source files make up each target this backend declares
 * tables for, most general first, as the crate's {@code cfg_if!} module tree selects them.
 */
public final class LibcTargets {
    private LibcTargets() {}

    /**
     * The Rust name of a JVM architecture.
     *
     * @param osArch an {@code os.arch} value
     * @return such as {@code "x86_64"} for {@code "amd64"}
     */
    public static String rustArch(String osArch) {
        return osArch.equals("amd64") ? "x86_64" : osArch;
    }

    /**
     * Linux with glibc on a 64-bit architecture.
     *
     * @param osArch {@code "amd64"} or {@code "aarch64"}
     * @return the crate's declarations for that target
     */
    public static LibcCrate linuxGnu(String osArch) {
        String arch = rustArch(osArch);
        String word = arch.equals("aarch64") ? "lp64.rs" : "not_x32.rs";
        String dir = "unix/linux_like/linux/gnu/b64/" + arch + "/";
        return LibcCrate.read(
                Map.of("target_os", "linux", "target_env", "gnu", "target_arch", arch, "target_pointer_width", "64",
                        "target_endian", "little", "target_family", "unix", "unix", ""),
                List.of("unix/mod.rs", "unix/align.rs", "unix/linux_like/mod.rs", "unix/linux_like/linux/mod.rs",
                        "unix/linux_like/linux/align.rs", "unix/linux_like/linux/arch/generic/mod.rs",
                        "unix/linux_like/linux/gnu/mod.rs", "unix/linux_like/linux/gnu/align.rs",
                        "unix/linux_like/linux/gnu/b64/mod.rs", dir + "mod.rs", dir + "align.rs", dir + word));
    }
}
