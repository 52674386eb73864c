package io.mio.itest.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** What the Karaf features descriptor must keep in step with the bundles it lists. */
class FeatureDescriptorTest {
    /**
     * Karaf installs the Windows fragment where its condition holds, and the framework attaches it
     * where its own requirement does: were the two filters to differ, Karaf would install a
     * fragment that never attaches, or leave out one that would.
     */
    @Test
    void theWindowsConditionIsTheWindowsFragmentsOwnRequirement() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of(System.getProperty("mio.feature")).toFile());
        String condition = document.getElementsByTagName("condition").item(0).getTextContent().strip();
        try (JarFile fragment = new JarFile(Path.of(System.getProperty("mio.bundles"), "io.mio.backend.windows.jar").toFile())) {
            String requirement = fragment.getManifest().getMainAttributes().getValue("Require-Capability");
            assertEquals("req:" + clause(requirement, "osgi.native;"), condition);
        }
    }

    /** The clause of a manifest header that starts so: clauses split at commas outside quotes. */
    private static String clause(String header, String start) {
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i <= header.length(); i++) {
            if (i == header.length() || header.charAt(i) == ',' && !quoted) {
                String clause = header.substring(from, i).strip();
                if (clause.startsWith(start)) {
                    return clause;
                }
                from = i + 1;
            } else if (header.charAt(i) == '"') {
                quoted = !quoted;
            }
        }
        throw new AssertionError("no " + start + " clause in " + header);
    }
}
