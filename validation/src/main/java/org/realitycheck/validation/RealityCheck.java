package org.realitycheck.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.Range;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.ModelCard;

/**
 * The Java API of the gate: validate a model file or any {@link Generator} without the command line,
 * e.g. in a JUnit test of a CI pipeline.
 *
 * <pre>{@code
 * SuiteResult r = RealityCheck.validate(Path.of("galaxy.zip"), Domains.byName("astro"), null, 42);
 * RealityCheckAssertions.assertThat(r).passed();
 *
 * SuiteResult r2 = RealityCheck.of(myGenerator).domain(astro).policy(policy).data(mySamples, "my cut-outs").seed(7)
 *         .baseline(previous, "last/result.json").run();
 * }</pre>
 *
 * Without a policy the domain's default policy applies; without data the domain simulates a held-out
 * set of {@link Policy#samples()} samples from the seed, chunk by chunk ({@link Evaluations}), in one pass
 * shared by every check ({@link OnePass}). When the data carries a loader's notes or
 * assumptions (a user's folder), the result starts with a {@link DataInput} row (WARN when the loader
 * assumed part of the instrument). The same inputs and seed give the same
 * result, apart from the timestamp.
 */
public final class RealityCheck {
    private final Generator generator;
    private final String modelName;
    private final String modelSha256;
    private final Path modelFile;
    private Domain domain;
    private Policy policy;
    private String policySource = "";
    private SampleSet data;
    private String dataName = "simulated";
    private long seed = 42;
    private SuiteResult baseline;
    private String baselineName = "";
    private List<String> command = List.of();
    private ProgressSink progress = ProgressSink.NONE;
    private List<Check> checks;
    private Clock clock = Clock.systemUTC();
    private Evaluations lastEvaluations;
    private List<org.realitycheck.core.model.ImportFidelity> importFidelity = List.of();

    private RealityCheck(Generator generator, String modelName, String modelSha256, Path modelFile) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.modelFile = modelFile;
        this.modelName = modelName;
        this.modelSha256 = modelSha256;
    }

    /** A run on any generator (the model need not be an artifact). */
    public static RealityCheck of(Generator generator) {
        return new RealityCheck(generator, "(in-memory generator: " + generator.getClass().getSimpleName() + ")", "", null);
    }

    /**
     * A run on a model file ({@link Models#load}); the domain defaults to the one its card names.
     *
     * @throws BadInputException when the file is missing, corrupt or foreign
     */
    public static RealityCheck of(Path model) {
        return ofLoaded(model, Models.open(model));
    }

    /**
     * A run on an imported model whose card is named explicitly ({@link Models#open(Path, Path)}).
     *
     * @throws BadInputException when the model or the card is missing, corrupt or foreign
     */
    public static RealityCheck of(Path model, Path card) {
        return ofLoaded(model, Models.open(model, card));
    }

    private static RealityCheck ofLoaded(Path model, Models.Loaded loaded) {
        Generator g = loaded.generator();
        RealityCheck rc = new RealityCheck(g, model.getFileName().toString(), sha256(model), model);
        rc.importFidelity = loaded.fidelity().map(List::of).orElse(List.of());
        rc.domain = Domains.byName(g.card().domain());
        return rc;
    }

    /** Validates a model file with a policy (null: the domain's default) and a seed. */
    public static SuiteResult validate(Path model, Domain domain, Policy policy, long seed) {
        return of(model).domain(domain).policy(policy).seed(seed).run();
    }

    /** Validates a generator with a policy (null: the domain's default) and a seed. */
    public static SuiteResult validate(Generator generator, Domain domain, Policy policy, long seed) {
        return of(generator).domain(domain).policy(policy).seed(seed).run();
    }

    public RealityCheck domain(Domain d) {
        this.domain = Objects.requireNonNull(d, "domain");
        return this;
    }

    /** @param p the policy, or null for the domain's default */
    public RealityCheck policy(Policy p) {
        this.policy = p;
        return this;
    }

    /**
     * @param description which policy this is, for the provenance (e.g. its file name and SHA-256, or
     *     "the hep domain's default policy"); the result and the report name it
     */
    public RealityCheck policySource(String description) {
        this.policySource = Objects.requireNonNull(description, "description");
        return this;
    }

    /** @param set held-out data (the user's own), or null to simulate it */
    public RealityCheck data(SampleSet set, String description) {
        this.data = set;
        this.dataName = set == null ? "simulated" : Objects.requireNonNull(description, "description");
        return this;
    }

    public RealityCheck seed(long s) {
        this.seed = s;
        return this;
    }

    /** @param previous the last accepted run, or null */
    public RealityCheck baseline(SuiteResult previous, String description) {
        this.baseline = previous;
        this.baselineName = previous == null ? "" : Objects.requireNonNull(description, "description");
        return this;
    }

    /** @param args the command line recorded in the provenance */
    public RealityCheck command(List<String> args) {
        this.command = List.copyOf(args);
        return this;
    }

    public RealityCheck progress(ProgressSink sink) {
        this.progress = Objects.requireNonNull(sink, "progress");
        return this;
    }

    /** @param list the checks to run instead of every registered one */
    public RealityCheck checks(List<Check> list) {
        this.checks = List.copyOf(list);
        return this;
    }

    /** @param c the clock of the result's timestamp (tests pin it) */
    public RealityCheck clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /** @return the evaluations of the last {@link #run()} (wall time per category), for benchmarks */
    public Evaluations lastEvaluations() {
        return lastEvaluations;
    }

    /**
     * Runs the suite.
     *
     * @throws BadInputException when the model's shapes do not fit the data, or the policy is invalid
     */
    public SuiteResult run() {
        if (domain == null) {
            domain = Domains.byName(generator.card().domain());
        }
        if (!generator.card().domain().equals(domain.name())) {
            String problem = "the model is for domain '" + generator.card().domain() + "', not '" + domain.name() + "'";
            throw modelFile != null ? BadInputException.at(modelFile, "card.json: domain", problem)
                    : new BadInputException(problem);
        }
        List<Check> list = checks != null ? checks : Suite.checks();
        Policy p = policy != null ? policy : PolicyParser.defaults(domain, list);
        ModelCard card = generator.card();
        SampleSet held = data;
        boolean simulated = held == null;
        Evaluations eval = simulated ? new Evaluations(generator, domain, p.samples(), seed, progress)
                : new Evaluations(generator, domain, held, false, seed, progress);
        checkShapes(card, eval.firstHeldOutChunk());
        Map<String, Range> training = card.covariateRanges();
        Map<String, Range> application = new LinkedHashMap<>(training);
        application.putAll(p.application());
        lastEvaluations = eval;
        List<CheckResult> results = new ArrayList<>();
        if (!simulated && (!held.notes().isEmpty() || !held.assumptions().isEmpty())) {
            results.add(DataInput.of(held, domain));
        }
        results.addAll(new Suite(list).run(eval, p, training, application, baseline, seed, progress));
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        results.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        Map<String, Integer> counts = new LinkedHashMap<>();
        byStatus.forEach((k, v) -> counts.put(k.name(), v));
        var env = org.realitycheck.core.Provenance.current();
        SuiteResult.Provenance prov = new SuiteResult.Provenance(
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), env.tool(), env.dl4j(), env.java(),
                env.os(), env.cpu(), domain.name(), modelName, modelSha256, card, dataName, eval.heldOutSha256(), eval.heldOutSize(),
                seed, baselineName, command, training, application, importFidelity,
                policySource.isEmpty() && policy == null ? "the " + domain.name() + " domain's default policy" : policySource);
        return new SuiteResult(SuiteResult.SCHEMA_VERSION, Verdict.of(results.stream().map(CheckResult::status).toList()),
                counts, prov, p, results, changes(results, baseline));
    }

    private void checkShapes(ModelCard card, SampleSet held) {
        String where = modelFile == null ? "" : modelFile + ": ";
        if (!java.util.Arrays.equals(card.conditionShape(), held.conditionShape())) {
            throw new BadInputException(where + "the model takes conditions of shape "
                    + java.util.Arrays.toString(card.conditionShape()) + " but the data has "
                    + java.util.Arrays.toString(held.conditionShape()));
        }
        if (!java.util.Arrays.equals(card.targetShape(), held.targetShape())) {
            throw new BadInputException(where + "the model outputs shape " + java.util.Arrays.toString(card.targetShape())
                    + " but the data's targets have " + java.util.Arrays.toString(held.targetShape()));
        }
    }

    /** Every metric present in both runs, regressions (FAIL, then WARN) first, then in check order. */
    static List<SuiteResult.MetricChange> changes(List<CheckResult> now, SuiteResult baseline) {
        if (baseline == null) {
            return List.of();
        }
        List<SuiteResult.MetricChange> out = new ArrayList<>();
        for (CheckResult r : now) {
            CheckResult b = baseline.check(r.id()).orElse(null);
            if (b == null) {
                continue;
            }
            for (Metric m : r.metrics()) {
                Metric old = b.metric(m.name()).orElse(null);
                if (old == null) {
                    continue;
                }
                ThresholdResult t = r.thresholds().stream()
                        .filter(x -> x.kind().equals("change") && x.metric().equals(m.name())).findFirst().orElse(null);
                Status s = t == null ? Status.SKIPPED : t.status();
                String reason = t == null ? "no change threshold" : t.reason();
                out.add(new SuiteResult.MetricChange(r.id(), m.name(), old.value(), m.value(), m.value() - old.value(), s,
                        reason));
            }
        }
        List<SuiteResult.MetricChange> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparingInt((SuiteResult.MetricChange c) -> -rank(c.status())));
        return sorted;
    }

    private static int rank(Status s) {
        return s == Status.FAIL ? 2 : s == Status.WARN ? 1 : 0;
    }

    /** @return the SHA-256 of a file, hex */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
