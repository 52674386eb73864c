package io.mio.itest.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the built Karaf features descriptor and turns the {@code mio} feature's bundles into
 * Pax Exam options, so that the framework gets exactly what the feature installs in Karaf. Each
 * {@code mvn:io.mio/ARTIFACT/VERSION} maps to the jar the build copied for it (the reactor's
 * SNAPSHOTs need not be in any repository); fragments are installed, not started.
 */
final class FeatureBundles {
    private FeatureBundles() {}

    /**
     * What every framework itest starts: Maven resolution as the build set it, Mio's feature, and the
     * JUnit bundles — no Declarative Services runtime, which Mio does not need.
     */
    static Option deployment() throws Exception {
        String dir = System.getProperty("mio.bundles");
        return composite(
                systemProperty("mio.version").value(System.getProperty("mio.version")),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("org.ops4j.pax.url.mvn.localRepository")),
                systemProperty("org.ops4j.pax.url.mvn.repositories").value(System.getProperty("org.ops4j.pax.url.mvn.repositories")),
                composite(of(Path.of(System.getProperty("mio.feature")), Path.of(dir)).toArray(Option[]::new)),
                junitBundles());
    }

    static List<Option> of(Path featureXml, Path bundles) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(featureXml.toFile());
        NodeList entries = document.getElementsByTagName("bundle");
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            String url = ((Element) entries.item(i)).getTextContent().strip();
            String[] coordinates = url.substring("mvn:".length()).split("/");
            Path jar = bundles.resolve(coordinates[1] + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the feature lists " + url + ", which the build did not copy to " + jar);
            }
            UrlProvisionOption option = bundle(jar.toUri().toString());
            options.add(isFragment(jar) ? option.noStart() : option);
        }
        return options;
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        }
    }
}
