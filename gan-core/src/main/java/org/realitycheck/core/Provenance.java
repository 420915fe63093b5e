package org.realitycheck.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Where a result was made: tool, DL4J, Java, OS and CPU. Recorded in model cards and suite results.
 *
 * @param tool realitycheck version
 * @param dl4j DL4J/ND4J version
 * @param java Java runtime version and vendor
 * @param os operating system name, version and architecture
 * @param cpu CPU model name and logical core count
 */
public record Provenance(String tool, String dl4j, String java, String os, String cpu) {
    /** DL4J release the build uses (kept in step with the root pom). */
    public static final String DL4J_VERSION = "1.0.0-M2.1";

    /** Provenance of the running process. */
    public static Provenance current() {
        return new Provenance(toolVersion(), DL4J_VERSION,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                cpuModel() + " x" + Runtime.getRuntime().availableProcessors());
    }

    /** @return the realitycheck version from the build, or {@code dev} when run from classes */
    public static String toolVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/realitycheck/core/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: fall through to the architecture
        }
        return System.getProperty("os.arch");
    }
}
