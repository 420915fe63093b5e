package org.realitycheck.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.Suite;

/**
 * Fuzz tests of the readers a user's file reaches: the FITS reader, the astro catalog
 * loader, the TrackML reader, the model artifact loader and the policy parser. Each target's
 * contract: it returns valid data or throws {@code BadInputException}; never another exception,
 * never a hang, never an allocation past the limits ({@link Fuzzer}). The seeds are under
 * {@code src/test/resources/fuzz/<target>/}, the inputs that once broke the contract under its
 * {@code regressions/} (replayed first, every run).
 *
 * <p>Budget: {@code -Dfuzz.seconds} per target, 3 s in the default build, 60 s with {@code -Pfuzz}
 * (cli/pom.xml). The mutator is seeded ({@code -Dfuzz.seed}, default 1), so a run's inputs are the
 * same on every machine; how many inputs fit in the budget depends on the machine, so the tests
 * assert the contract, never a count.
 *
 * <p>Values a reader accepts that make no physical sense (a non-finite covariate, a pixel that is
 * not finite) are "accepted nonsense": counted, saved and printed, and they fail the test (the readers
 * validate values where they enter); {@code -Dfuzz.strictValues=false} only reports them.
 */
class FuzzTest {
    static final double SECONDS = Double.parseDouble(System.getProperty("fuzz.seconds", "3"));
    static final long SEED = Long.getLong("fuzz.seed", 1L);
    static final boolean STRICT_VALUES = Boolean.parseBoolean(System.getProperty("fuzz.strictValues", "true"));

    @org.junit.jupiter.api.BeforeAll
    static void quietLibraries() {
        // as the CLI does without --debug: nom-tam-fits logs every malformed file at length
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    }

    private static void fuzz(Fuzzer.Target t, Path tmp) throws Exception {
        Path corpus = Path.of("src", "test", "resources", "fuzz", t.name());
        Path findings = Path.of("target", "fuzz-findings");
        Fuzzer.Report r = Fuzzer.run(t, corpus, SEED, SECONDS, tmp, findings);
        System.out.printf(Locale.ROOT, "fuzz %-9s %6d executions in %.0f s: %d bad input, %d accepted, %d findings, "
                + "%d accepted nonsense%n", r.target(), r.executions(), SECONDS, r.badInput(), r.accepted(),
                r.findings().size(), r.nonsense().size());
        r.nonsense().stream().limit(5).forEach(n -> System.out.println("  accepted nonsense: " + n));
        assertThat(r.findings()).as("contract broken; inputs saved under " + findings.toAbsolutePath()).isEmpty();
        assertThat(r.executions()).isGreaterThan(0);
        if (STRICT_VALUES) {
            assertThat(r.nonsense()).isEmpty();
        }
    }

    /** Null when every sample has one shape and finite covariates, else what is wrong. */
    static String checkSamples(Object o) {
        SampleSet s = (SampleSet) o;
        if (s.isEmpty()) {
            return "returned no samples and no error";
        }
        for (Sample x : s) {
            if (x.condition().length != s.conditionLength()) {
                return x.id() + ": condition of " + x.condition().length + " values, the set's shape has " + s.conditionLength();
            }
            for (var c : x.covariates().entrySet()) {
                if (!Double.isFinite(c.getValue())) {
                    return x.id() + ": covariate " + c.getKey() + " = " + c.getValue();
                }
            }
            for (float v : x.target().orElse(new float[0])) {
                if (!Float.isFinite(v)) {
                    return x.id() + ": target value " + v;
                }
            }
        }
        return null;
    }

    @Test
    void fitsReader(@TempDir Path tmp) throws Exception {
        fuzz(new Fuzzer.Target() {
            public String name() {
                return "fits";
            }

            public Object run(Path in) {
                return FitsIO.readAll(in);
            }

            @Override
            public String check(Object o) {
                @SuppressWarnings("unchecked")
                List<FitsImage> images = (List<FitsImage>) o;
                for (FitsImage i : images) {
                    if (i.data().length != (long) i.bands() * i.height() * i.width()) {
                        return "data of " + i.data().length + " values for " + i.bands() + "x" + i.height() + "x" + i.width();
                    }
                }
                return images.isEmpty() ? "no image and no error" : null;
            }

            public Mutator.Kind kind(String f) {
                return Mutator.Kind.FITS;
            }
        }, tmp);
    }

    /** A domain's {@code load(folder)}: the FITS files of an input are mutated as FITS, the rest as text. */
    static Fuzzer.Target loader(String name, Domain d) {
        return new Fuzzer.Target() {
            public String name() {
                return name;
            }

            public Object run(Path in) {
                return d.data().load(in);
            }

            @Override
            public String check(Object o) {
                return checkSamples(o);
            }

            public Mutator.Kind kind(String f) {
                return f.endsWith(".fits") ? Mutator.Kind.FITS : Mutator.Kind.TEXT;
            }
        };
    }

    @Test
    void astroCatalogLoader(@TempDir Path tmp) throws Exception {
        fuzz(loader("catalog", Domains.byName("astro")), tmp);
    }

    @Test
    void trackMlReader(@TempDir Path tmp) throws Exception {
        fuzz(loader("trackml", Domains.byName("hep")), tmp);
    }

    @Test
    void modelArtifactLoader(@TempDir Path tmp) throws Exception {
        fuzz(new Fuzzer.Target() {
            public String name() {
                return "artifact";
            }

            public Object run(Path in) throws Exception {
                try (Generator g = Models.load(in)) {
                    return g.card();
                }
            }

            public Mutator.Kind kind(String f) {
                return Mutator.Kind.ZIP;
            }
        }, tmp);
    }

    @Test
    void policyParser(@TempDir Path tmp) throws Exception {
        Domain astro = Domains.byName("astro");
        Domain hep = Domains.byName("hep");
        fuzz(new Fuzzer.Target() {
            public String name() {
                return "policy";
            }

            public Object run(Path in) throws Exception {
                // the seeds of both domains are mixed by splicing: parse against the domain the name says
                boolean isAstro = Files.readString(in, java.nio.charset.StandardCharsets.ISO_8859_1).contains("redshift");
                return PolicyParser.parse(in, Suite.checks(), isAstro ? astro : hep);
            }

            public Mutator.Kind kind(String f) {
                return Mutator.Kind.TEXT;
            }
        }, tmp);
    }
}
