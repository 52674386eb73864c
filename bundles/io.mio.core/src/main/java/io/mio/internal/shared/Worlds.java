package io.mio.internal.shared;

/**
 * Which of the worlds Mio is shipped for this process runs it in — an OSGi framework, a jlink
 * image, the module path, the class path — so that a missing backend, or native access not
 * granted, is answered with advice that works there. Told from the core's own class loader and
 * module, without any OSGi class.
 */
enum Worlds {
    OSGI("in OSGi: install the backend fragment for this OS (io.mio.backend.unix or io.mio.backend.windows) and"
            + " refresh io.mio.core, as a fragment attaches only when its host resolves",
            "grant it to the framework's JVM: --enable-native-access=ALL-UNNAMED (bundles are unnamed modules)"),
    JLINK_IMAGE("this runtime image was linked without a backend: add io.mio.backend.unix or io.mio.backend.windows"
            + " to jlink's --add-modules (jlink binds no service providers unless told)",
            "grant it when the image runs, or bake it in with jlink's --add-options: --enable-native-access=%s"),
    MODULE_PATH("put the backend module for this OS (io.mio.backend.unix or io.mio.backend.windows) on the module path",
            "grant it: --enable-native-access=%s"),
    CLASS_PATH("put the backend jar for this OS (io.mio.backend.unix or io.mio.backend.windows) on the class path"
            + " beside io.mio.core",
            "grant it: --enable-native-access=ALL-UNNAMED (the class path is the unnamed module)");

    private final String missingBackend;
    private final String nativeAccess;

    Worlds(String missingBackend, String nativeAccess) {
        this.missingBackend = missingBackend;
        this.nativeAccess = nativeAccess;
    }

    /** What to do when no backend was found. */
    String missingBackend() {
        return missingBackend;
    }

    /**
     * What to do when the backend may not call native code.
     *
     * @param backendModule the backend's module, as the JVM names it in its grant
     * @return the advice
     */
    String nativeAccess(String backendModule) {
        return nativeAccess.formatted(backendModule);
    }

    /**
     * The world of this process.
     *
     * @return it
     */
    static Worlds current() {
        Module core = Worlds.class.getModule();
        if (isBundleLoader(Worlds.class.getClassLoader())) {
            return OSGI;
        }
        if (!core.isNamed()) {
            return CLASS_PATH;
        }
        var location = Worlds.class.getProtectionDomain().getCodeSource();
        boolean inImage = location == null || location.getLocation() == null
                || "jrt".equals(location.getLocation().getProtocol());
        return inImage ? JLINK_IMAGE : MODULE_PATH;
    }

    private static boolean isBundleLoader(ClassLoader loader) {
        for (Class<?> type = loader == null ? null : loader.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> face : type.getInterfaces()) {
                if (face.getName().equals("org.osgi.framework.BundleReference")) {
                    return true;
                }
            }
        }
        return false;
    }
}
