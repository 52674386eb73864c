package io.mio.itest.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** What the OSGi itests ask the framework about its bundles, and the small bundles they write. */
final class Bundles {
    private Bundles() {}

    /** The installed bundle of that name; fails the test where there is none. */
    static Bundle installed(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** The fragments the framework attached to a resolved host, by symbolic name. */
    static List<String> fragmentsOf(Bundle host) {
        List<String> fragments = new ArrayList<>();
        for (BundleWire wire : host.adapt(BundleWiring.class).getProvidedWires("osgi.wiring.host")) {
            fragments.add(wire.getRequirer().getSymbolicName());
        }
        return fragments;
    }

    static FrameworkWiring frameworkWiring(BundleContext context) {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    /** Installs an empty bundle whose manifest has the given headers beside its name. */
    static Bundle install(BundleContext context, String symbolicName, String... headers) throws Exception {
        Path jar = Files.createTempFile(symbolicName, ".jar");
        try {
            write(jar, symbolicName, List.of(), headers);
            return context.installBundle(jar.toUri().toString());
        } finally {
            Files.delete(jar); // the framework keeps its own copy
        }
    }

    /**
     * Writes a bundle: a manifest with its name and the given headers, and the class files of the
     * given classes and their nest members (nested classes), read through their class loader, so
     * from a directory or a jar alike.
     */
    static void write(Path jar, String symbolicName, List<Class<?>> classes, String... headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        for (int i = 0; i < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : classes) {
                for (Class<?> member : type.getNestMembers()) {
                    String entry = member.getName().replace('.', '/') + ".class";
                    try (InputStream bytes = member.getClassLoader().getResourceAsStream(entry)) {
                        out.putNextEntry(new JarEntry(entry));
                        bytes.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
    }
}
