package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;

/**
 * The probe suite: every case of {@code probes.txt} (bad files, bad flags, hostile strings, outputs
 * aimed at inputs) through {@link Main#run}, with the invariants the file's header states checked on
 * every case: inputs unchanged, one clean line for exit 2, nothing created on exit 2. Prints how many
 * cases hold.
 */
class ProbeSuiteTest {
    static final Path MODELS = Path.of("..", "models").toAbsolutePath().normalize();
    @TempDir
    static Path fixtures;
    static final AtomicInteger HELD = new AtomicInteger();
    static final AtomicInteger RAN = new AtomicInteger();

    record Case(int line, String id, String files, String args, int exit, List<String> fragments, List<String> exempt) {
    }

    @BeforeAll
    static void simulateData() throws Exception {
        assertThat(MainTest.run("simulate", "hep", "--count", "30", "--out", fixtures.resolve("hep").toString()).code()).isZero();
        assertThat(MainTest.run("simulate", "astro", "--count", "3", "--out", fixtures.resolve("astro").toString()).code()).isZero();
        // images of another size and of three bands than the astro architecture takes (1 x 64 x 64)
        assertThat(MainTest.run("simulate", "astro", "--count", "3", "-O", "size=32", "--out",
                fixtures.resolve("astro32").toString()).code()).isZero();
        assertThat(MainTest.run("simulate", "astro", "--count", "3", "-O", "bands=3", "--out",
                fixtures.resolve("astro3").toString()).code()).isZero();
        Path noTruth = copyTree(fixtures.resolve("astro"), fixtures.resolve("astro-notruth"));
        AtomicFiles.deleteTree(noTruth.resolve("truth"));
    }

    @AfterAll
    static void printCount() {
        System.out.printf("probe suite: %d of %d cases hold%n", HELD.get(), RAN.get());
    }

    @TestFactory
    Stream<DynamicTest> probes() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " (probes.txt:" + c.line() + ")", () -> {
            RAN.incrementAndGet();
            run(c);
            HELD.incrementAndGet();
        }));
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = ProbeSuiteTest.class.getResourceAsStream("probes.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\|", -1); // no case uses '|' itself
                if (f.length < 5) {
                    throw new IllegalStateException("probes.txt:" + (i + 1) + ": expected 5 or 6 columns");
                }
                List<String> frags = f[4].isBlank() ? List.of() : List.of(f[4].trim().split(" && "));
                List<String> exempt = f.length > 5 && !f[5].isBlank() ? List.of(f[5].trim().split(" ")) : List.of();
                out.add(new Case(i + 1, f[0].trim(), f[1].trim(), f[2].trim(), Integer.parseInt(f[3].trim()), frags, exempt));
            }
        }
        return out;
    }

    static void run(Case c) throws Exception {
        Path t = Files.createTempDirectory(fixtures, c.id() + "-");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("$ASTRO_NOTRUTH", copyTree(fixtures.resolve("astro-notruth"), t.resolve("astro-notruth")).toString());
        vars.put("$ASTRO32", copyTree(fixtures.resolve("astro32"), t.resolve("astro32")).toString());
        vars.put("$ASTRO3", copyTree(fixtures.resolve("astro3"), t.resolve("astro3")).toString());
        vars.put("$ASTRO", copyTree(fixtures.resolve("astro"), t.resolve("astro")).toString());
        vars.put("$HEP", copyTree(fixtures.resolve("hep"), t.resolve("hep")).toString());
        vars.put("$MODELS", MODELS.toString());
        vars.put("$RNOPROV", run(t.resolve("noprov"), withoutProvenance()).toString());
        vars.put("$RA", run(t.resolve("ra"), ReportCommandsTest.result(0.01, Status.PASS)).toString());
        vars.put("$RB", run(t.resolve("rb"), ReportCommandsTest.result(0.04, Status.PASS)).toString());
        vars.put("$RP", run(t.resolve("rp"), otherPolicy(ReportCommandsTest.result(0.01, Status.PASS))).toString());
        vars.put("$RH", run(t.resolve("rh"), hep(ReportCommandsTest.result(0.01, Status.PASS))).toString());
        vars.put("$T", t.toString());
        List<Path> created = new ArrayList<>();
        if (!c.files().isEmpty()) {
            for (String entry : c.files().split(" ;; ")) {
                int eq = entry.indexOf('=');
                Path p = t.resolve(entry.substring(0, eq).trim());
                created.add(p);
                create(p, expand(entry.substring(eq + 1), vars), t);
            }
        }
        // what must survive: the fixtures and the case's own files, byte for byte
        Map<Path, String> before = new TreeMap<>();
        for (Path p : protectedPaths(t, c)) {
            before.putAll(hashes(p));
        }
        List<Path> allBefore = listAll(t);
        String[] args = c.args().isEmpty() ? new String[0]
                : java.util.Arrays.stream(c.args().split(" +")).map(a -> expand(a, vars).replace("\\s", " ")).toArray(String[]::new);
        MainTest.Run r = MainTest.run(args);
        String both = r.out() + r.err();
        assertThat(r.code()).as("exit code of %s%nstdout: %s%nstderr: %s", c.id(), r.out(), r.err()).isEqualTo(c.exit());
        if (c.exit() == ExitCode.BAD_INPUT) {
            List<String> lines = r.err().lines().filter(l -> l.startsWith("realitycheck:")).toList();
            assertThat(lines).as(r.err()).hasSize(1);
            assertThat(r.err()).as(c.id()).doesNotContain("\tat ").doesNotContain("bug").doesNotContain("Exception")
                    .doesNotContain("Cannot invoke");
            for (String f : c.fragments()) {
                if (!f.startsWith("!")) {
                    assertThat(lines.get(0)).as(c.id()).contains(f);
                }
            }
            assertThat(listAll(t)).as("%s created or removed files", c.id()).isEqualTo(allBefore);
        } else {
            for (String f : c.fragments()) {
                if (!f.startsWith("!")) {
                    assertThat(both).as(c.id()).contains(f);
                }
            }
        }
        for (String f : c.fragments()) {
            if (f.startsWith("!")) {
                assertThat(both).as(c.id()).doesNotContain(f.substring(1));
            }
        }
        Map<Path, String> after = new TreeMap<>();
        for (Path p : before.keySet()) {
            after.put(p, Files.isRegularFile(p) ? sha(p) : "(gone)");
        }
        assertThat(after).as("%s changed a file it did not write", c.id()).isEqualTo(before);
    }

    /** The fixtures and created files, minus the exemptions (paths relative to the case's folder). */
    static List<Path> protectedPaths(Path t, Case c) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(t)) {
            s.forEach(out::add);
        }
        out.removeIf(p -> c.exempt().stream().anyMatch(e -> e.startsWith("!") && p.equals(t.resolve(e.substring(1)))));
        return out;
    }

    static Map<Path, String> hashes(Path p) throws IOException {
        Map<Path, String> m = new HashMap<>();
        if (Files.isSymbolicLink(p)) {
            return m;
        }
        if (Files.isRegularFile(p)) {
            m.put(p, sha(p));
        } else if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.filter(Files::isRegularFile).toList()) {
                    m.put(q, sha(q));
                }
            }
        }
        return m;
    }

    static List<Path> listAll(Path t) throws IOException {
        try (Stream<Path> s = Files.walk(t)) {
            return s.sorted().toList();
        }
    }

    static String sha(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String expand(String s, Map<String, String> vars) {
        String out = s;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out.replace("\\n", "\n");
    }

    static void create(Path p, String content, Path t) throws Exception {
        Files.createDirectories(p.getParent());
        if (content.equals("@dir")) {
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            return;
        }
        if (content.startsWith("@copy:")) {
            Files.copy(Path.of(content.substring(6)), p);
        } else if (content.startsWith("@symlink:")) {
            Files.createSymbolicLink(p, t.resolve(content.substring(9)));
        } else if (content.equals("@zip")) {
            zip(p, Map.of("notes.txt", "mine".getBytes(StandardCharsets.UTF_8)));
        } else if (content.equals("@nanmodel")) {
            nanModel(p);
        } else if (content.equals("@badgraph")) {
            Map<String, byte[]> e = entries(MODELS.resolve("hep-default.zip"));
            e.put(ModelArtifact.GENERATOR, "not a graph at all, just text".repeat(20).getBytes(StandardCharsets.UTF_8));
            zip(p, e);
        } else if (content.equals("@deepjson")) {
            Files.writeString(p, "[".repeat(100_000) + "]".repeat(100_000));
        } else if (content.equals("@laughs")) {
            StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            for (char k = 'b'; k <= 'j'; k++) {
                char prev = (char) (k - 1);
                y.append(k).append(": &").append(k).append(" [");
                for (int i = 0; i < 9; i++) {
                    y.append(i == 0 ? "" : ",").append('*').append(prev);
                }
                y.append("]\n");
            }
            Files.writeString(p, y + "checks: {}\n");
        } else {
            Files.writeString(p, content);
        }
    }

    /** hep-default with one weight set to NaN, as a training that diverged would leave it. */
    static void nanModel(Path p) throws IOException {
        Map<String, byte[]> e = entries(MODELS.resolve("hep-default.zip"));
        SameDiff sd = SameDiff.load(new java.io.ByteArrayInputStream(e.get(ModelArtifact.GENERATOR)), true);
        SDVariable w = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).findFirst()
                .orElseThrow();
        w.getArr().putScalar(0, Double.NaN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sd.save(out, true);
        e.put(ModelArtifact.GENERATOR, out.toByteArray());
        zip(p, e);
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry en : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(en)) {
                    m.put(en.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    static void zip(Path p, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, byte[]> en : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(en.getKey()));
                z.write(en.getValue());
                z.closeEntry();
            }
        }
    }

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    /** A run folder as validate writes it (marker and result.json). */
    static Path run(Path dir, Object result) throws IOException {
        Files.createDirectories(dir);
        if (result instanceof SuiteResult r) {
            ResultJson.write(r, dir.resolve("result.json"));
        } else {
            Files.writeString(dir.resolve("result.json"), result.toString());
        }
        Files.writeString(dir.resolve(OutputFolder.MARKER), "kind: report\n");
        return dir;
    }

    static String withoutProvenance() throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = (ObjectNode) m.readTree(ResultJson.toJson(ReportCommandsTest.result(0.01, Status.PASS)));
        n.remove("provenance");
        return m.writeValueAsString(n);
    }

    static SuiteResult otherPolicy(SuiteResult r) {
        Policy p = r.policy();
        Map<String, Policy.CheckPolicy> checks = new LinkedHashMap<>(p.checks());
        Policy.CheckPolicy c = checks.get("hallucination.empty-fields");
        Map<String, Policy.Threshold> th = new LinkedHashMap<>(c.thresholds());
        Policy.Threshold t = th.get("detection_rate");
        th.put("detection_rate", new Policy.Threshold(t.lower(), 0.5, t.mostly(), t.change(), t.severity()));
        checks.put("hallucination.empty-fields", new Policy.CheckPolicy(c.enabled(), c.params(), th));
        return new SuiteResult(r.schemaVersion(), r.verdict(), r.counts(), r.provenance(),
                new Policy(p.schemaVersion(), p.domain(), p.seed(), p.samples(), p.application(), checks), r.checks(), r.changes());
    }

    static SuiteResult hep(SuiteResult r) {
        SuiteResult.Provenance p = r.provenance();
        SuiteResult.Provenance q = new SuiteResult.Provenance(p.timestamp(), p.tool(), p.dl4j(), p.java(), p.os(), p.cpu(), "hep",
                p.model(), p.modelSha256(), p.card(), p.data(), p.dataSha256(), p.dataSamples(), p.seed(), p.baseline(),
                p.command(), Map.of(), Map.of(), p.importFidelity(), p.policy());
        Policy pol = r.policy();
        return new SuiteResult(r.schemaVersion(), r.verdict(), r.counts(), q,
                new Policy(pol.schemaVersion(), "hep", pol.seed(), pol.samples(), Map.of(), pol.checks()), r.checks(), r.changes());
    }
}
