package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portable sockets never reach into the Unix extensions: {@code io.mio.unix} builds on
 * {@code io.mio.net} and not the other way, so that a backend without pipes or {@code SourceFd}
 * (Windows) serves every type of {@code io.mio.net}. Checked in the compiled classes, whose
 * constant pools name every class they use.
 */
class PackageLayeringTest {
    @Test
    void noClassOfIoMioNetNamesIoMioUnix() throws IOException {
        Path location = Path.of(OwnedFd.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        // The classes directory of this build, or the jar a run elsewhere takes them from (itests/wine).
        java.nio.file.FileSystem jar = Files.isDirectory(location) ? null : java.nio.file.FileSystems.newFileSystem(location);
        Path classes = (jar == null ? location : jar.getPath("/")).resolve("io").resolve("mio").resolve("net");
        List<String> offenders;
        int checked;
        try (jar; Stream<Path> files = Files.list(classes)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".class")).toList();
            checked = all.size();
            offenders = all.stream().filter(PackageLayeringTest::namesIoMioUnix).map(p -> p.getFileName().toString()).toList();
        }
        assertTrue(checked > 15, "the classes of io.mio.net were found: " + checked);
        assertEquals(List.of(), offenders);
    }

    private static boolean namesIoMioUnix(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/mio/unix/");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
