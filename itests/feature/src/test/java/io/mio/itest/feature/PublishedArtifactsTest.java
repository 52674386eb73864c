package io.mio.itest.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What Maven Central asks of the published artifacts, and what a consumer's IDE uses, checked on
 * what the build made (copied into this module's repository in Maven's layout): each bundle with
 * its -sources.jar and -javadoc.jar, licence and home in every manifest, and the BOM's metadata
 * (it has no parent) the same as the parent's.
 */
class PublishedArtifactsTest {
    private static final List<String> BUNDLES = List.of("io.mio.core", "io.mio.net", "io.mio.backend.unix", "io.mio.backend.windows");
    private static final Path ROOT = Path.of("..", "..");

    @Test
    void everyBundleHasItsSourcesAndJavadocBesideIt() throws Exception {
        for (String bundle : BUNDLES) {
            try (JarFile sources = jar(bundle, "-sources"); JarFile javadoc = jar(bundle, "-javadoc")) {
                assertTrue(sources.stream().anyMatch(entry -> entry.getName().endsWith(".java")), bundle + "-sources.jar holds sources");
                assertNotNull(javadoc.getEntry("index.html"), bundle + "-javadoc.jar has pages");
            }
        }
    }

    @Test
    void everyBundleNamesItsLicenceHomeAndSourceRepository() throws Exception {
        for (String bundle : BUNDLES) {
            try (JarFile jar = jar(bundle, "")) {
                Manifest manifest = jar.getManifest();
                assertTrue(manifest.getMainAttributes().getValue("Bundle-License").startsWith("MIT;"), bundle);
                for (String header : List.of("Bundle-DocURL", "Bundle-SCM", "Bundle-Developers", "Bundle-Vendor", "Bundle-Description")) {
                    String value = manifest.getMainAttributes().getValue(header);
                    assertFalse(value == null || value.isBlank(), bundle + " has " + header);
                }
            }
        }
    }

    @Test
    void theBomCarriesTheParentsMetadata() throws Exception {
        Document parent = pom(ROOT.resolve("pom.xml"));
        Document bom = pom(ROOT.resolve("bom/pom.xml"));
        for (String element : List.of("url", "inceptionYear", "organization", "licenses", "developers", "scm",
                "properties/mio.home", "properties/mio.git")) {
            String path = "normalize-space(/project/" + element + ")";
            String expected = XPathFactory.newInstance().newXPath().evaluate(path, parent);
            assertFalse(expected.isEmpty(), "the parent pom has " + element);
            assertEquals(expected, XPathFactory.newInstance().newXPath().evaluate(path, bom), element);
        }
    }

    private static JarFile jar(String bundle, String classifier) throws Exception {
        String version = System.getProperty("mio.version");
        Path file = Path.of(System.getProperty("mio.repository"), "io", "mio", bundle, version, bundle + "-" + version + classifier + ".jar");
        assertTrue(Files.isRegularFile(file), file + " was built");
        return new JarFile(file.toFile());
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
