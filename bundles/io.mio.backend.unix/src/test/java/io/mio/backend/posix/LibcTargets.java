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
        return osArch.equals("amd64") ? "x86_64" : osArch; // macOS says x86_64 itself
    }

    /**
     * The crate's declarations for one of the tables this backend declares.
     *
     * @param abi the table
     * @param osArch one of its architectures
     * @return the crate's declarations for that OS and architecture
     */
    static LibcCrate of(UnixAbi abi, String osArch) {
        return switch (abi.os()) {
            case "Linux" -> linuxGnu(osArch);
            case "Mac OS X" -> bsd("macos", osArch, List.of("apple/mod.rs", "apple/b64/mod.rs", "apple/b64/align.rs",
                    "apple/b64/" + rustArch(osArch) + "/mod.rs", "apple/b64/" + rustArch(osArch) + "/align.rs"), Map.of("target_vendor", "apple"));
            case "FreeBSD" -> bsd("freebsd", osArch, freeBsdFiles(rustArch(osArch)), Map.of("freebsd13", ""));
            case "OpenBSD" -> bsd("openbsd", osArch, List.of("netbsdlike/mod.rs", "netbsdlike/openbsd/mod.rs",
                    "netbsdlike/openbsd/" + rustArch(osArch) + ".rs"), Map.of());
            case "NetBSD" -> bsd("netbsd", osArch, List.of("netbsdlike/mod.rs", "netbsdlike/netbsd/mod.rs",
                    "netbsdlike/netbsd/" + rustArch(osArch) + ".rs"), Map.of());
            case "DragonFly" -> bsd("dragonfly", osArch, List.of("freebsdlike/mod.rs", "freebsdlike/dragonfly/mod.rs",
                    "freebsdlike/dragonfly/errno.rs"), Map.of());
            default -> throw new IllegalArgumentException("no libc crate target for " + abi.os());
        };
    }

    /** FreeBSD 13's module tree (the crate's default for 12 and later); the architecture's own files last. */
    private static List<String> freeBsdFiles(String arch) {
        String version = "freebsdlike/freebsd/freebsd13/";
        List<String> files = new java.util.ArrayList<>(List.of("freebsdlike/mod.rs", "freebsdlike/freebsd/mod.rs",
                version + "mod.rs", version + "b64.rs"));
        if (arch.equals("x86_64")) {
            files.addAll(List.of(version + "x86_64.rs", "freebsdlike/freebsd/x86_64/mod.rs", "freebsdlike/freebsd/x86_64/align.rs"));
        } else {
            files.add("freebsdlike/freebsd/" + arch + ".rs");
        }
        return files;
    }

    private static LibcCrate bsd(String os, String osArch, List<String> files, Map<String, String> extra) {
        Map<String, String> cfg = new java.util.HashMap<>(Map.of("target_os", os, "target_arch", rustArch(osArch),
                "target_pointer_width", "64", "target_endian", "little", "target_family", "unix", "unix", ""));
        cfg.putAll(extra);
        List<String> all = new java.util.ArrayList<>(List.of("unix/mod.rs", "unix/align.rs", "unix/bsd/mod.rs"));
        files.forEach(file -> all.add("unix/bsd/" + file));
        return LibcCrate.read(cfg, all);
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
