package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A domain a third party writes works without touching realitycheck: the test compiles a small domain
 * ({@code src/test/resources/plugin-dropin}, gan-core's public API only) into a jar of its own, drops it
 * into the {@code plugins/} folder beside a copy of the {@code realitycheck} launcher, and runs {@code train}
 * and {@code validate} on it through the launcher, as a user would. The launcher's class path is this
 * test's (standing in for the build it would make), which holds no such domain: without the plug-in the
 * same command fails with "unknown domain".
 */
@Tag("slow")
class PluginDomainTest {
    @TempDir
    static Path dir;
    static Path jar;
    /** Another class (another vendor's) whose domain has the same name. */
    static Path rival;

    @BeforeAll
    static void buildThePluginJars() throws IOException {
        Path src = Path.of("src/test/resources/plugin-dropin/org/example/dropin/DropInDomain.java").toAbsolutePath();
        jar = pluginJar(src, "DropInDomain", "dropin-domain.jar");
        Path renamed = Files.createDirectories(dir.resolve("rival-src")).resolve("DropInRival.java");
        Files.writeString(renamed, Files.readString(src).replace("DropInDomain", "DropInRival"));
        rival = pluginJar(renamed, "DropInRival", "rival.jar");
    }

    /** Compiles one source against realitycheck's class path into a jar that registers its domain. */
    private static Path pluginJar(Path src, String className, String jarName) throws IOException {
        Path classes = Files.createDirectories(dir.resolve(jarName + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(), "-classpath", classPath(),
                "--release", "17", src.toString());
        assertThat(rc).as("javac of the plug-in: " + diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        Path jarFile = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile))) {
            out.putNextEntry(new JarEntry("META-INF/services/org.realitycheck.core.Domain"));
            out.write(("org.example.dropin." + className + "\n").getBytes(StandardCharsets.UTF_8));
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                }
            }
        }
        return jarFile;
    }

    @Test
    void aDomainInItsOwnJarTrainsAndValidatesThroughThePluginsFolder() throws Exception {
        Path root = launcherRoot("with-plugin");
        Files.copy(jar, Files.createDirectories(root.resolve("plugins")).resolve(jar.getFileName()));
        Path model = dir.resolve("dropin.zip");

        Run train = run(root, Map.of(), "train", "dropin", "--count", "512", "--out", model.toString());
        assertThat(train.code).as("train: " + train.err).isZero();
        assertThat(model).isRegularFile();

        // no --domain: the card names it
        Path out = dir.resolve("out");
        Run validate = run(root, Map.of(), "validate", "--model", model.toString(), "--out", out.toString(), "--seed", "3");
        assertThat(validate.code).as("validate: " + validate.err).isIn(0, 1);
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.path("provenance").path("domain").asText()).isEqualTo("dropin");
        List<String> ids = new ArrayList<>();
        result.path("checks").forEach(c -> {
            ids.add(c.path("id").asText());
            assertThat(c.path("status").asText()).as(c.path("id").asText() + ": " + c.path("reason").asText())
                    .isIn("PASS", "WARN", "FAIL");
        });
        assertThat(ids).contains("hallucination.empty-fields", "ood.covariate", "residuals.conventional",
                "consistency.forward-model", "rare-objects", "distribution.fidelity");
        assertThat(out.resolve("report.html")).isRegularFile();
    }

    @Test
    void withoutThePluginTheDomainIsUnknown() throws Exception {
        Run r = run(launcherRoot("without-plugin"), Map.of(), "simulate", "dropin", "--count", "4", "--out",
                dir.resolve("nothing").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("unknown domain 'dropin'");
    }

    @Test
    void theEnvironmentVariableAddsPluginsToo() throws Exception {
        Path data = dir.resolve("env-data");
        Run r = run(launcherRoot("env"), Map.of("REALITYCHECK_PLUGINS", jar.toString()), "simulate", "dropin",
                "--count", "5", "--out", data.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(Files.readAllLines(data.resolve("samples.csv"))).hasSize(6);
    }

    @Test
    void twoDomainsWithOneNameFailNamingBothJars() throws Exception {
        Path root = launcherRoot("twice");
        Files.copy(jar, Files.createDirectories(root.resolve("plugins")).resolve("first.jar"));
        Run r = run(root, Map.of("REALITYCHECK_PLUGINS", rival.toString()), "simulate", "dropin", "--count", "4",
                "--out", dir.resolve("never").toString());
        assertThat(r.code).as(r.err).isEqualTo(2);
        assertThat(r.err).contains("two domains are named 'dropin'").contains("DropInDomain (from ")
                .contains("first.jar").contains("DropInRival (from ").contains("rival.jar");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    /** A copy of the launcher whose "build" is this test's class path, so it never runs Maven. */
    private static Path launcherRoot(String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Files.copy(RepositoryReferencesTest.ROOT.resolve("realitycheck"), root.resolve("realitycheck"));
        Path state = Files.createDirectories(root.resolve(".realitycheck"));
        Files.writeString(state.resolve("classpath.txt"), classPath() + "\n");
        Files.writeString(state.resolve("build.stamp"), "");
        return root;
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(Path root, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("realitycheck").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().remove("REALITYCHECK_PLUGINS");
        pb.environment().putAll(env);
        pb.environment().put("REALITYCHECK_JAVA_OPTS", "-Xmx1g");
        pb.environment().put("REALITYCHECK_MAXBYTES", "2G");
        pb.environment().put("REALITYCHECK_MAXPHYSICALBYTES", "4G");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Path outFile = Files.createTempFile(dir, "stdout", ".txt");
        Path errFile = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 10 minutes: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
    }
}
