package org.realitycheck.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.bench.Benchmark;
import org.realitycheck.core.bench.BenchmarkProvider;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.core.train.TrainingListener;

/**
 * The benchmarks of {@code realitycheck bench}, each on the real code path: simulation, the
 * conventional methods, GAN training (steady-state steps of {@link org.realitycheck.core.train.GanTrainer}, graph building
 * excluded) and GAN inference at several batch sizes, for every domain that registers a
 * {@link BenchmarkProvider} (found through ServiceLoader: this class imports no domain). Targets are
 * the issues'.
 */
public final class BenchSuite {
    /**
     * Every benchmark's name with the astro and hep modules on the classpath, in run order, as one line
     * (the bench command's help shows it; {@code BenchSuiteTest} keeps it equal to {@link #names()}).
     */
    public static final String NAMES_TEXT = "astro.simulate, astro.richardson-lucy, astro.wiener, astro.gan.train, "
            + "astro.gan.infer, hep.simulate, hep.fit, hep.gan.train, hep.gan.infer, hep.onnx.infer, validate.astro, validate.hep";
    /** {@link #NAMES_TEXT} as a list. */
    public static final List<String> NAMES = List.of(NAMES_TEXT.split(", "));

    private final List<BenchmarkProvider> providers = BenchmarkProvider.all();

    private final Harness harness;
    private final Consumer<String> log;
    private final List<String> only;
    private boolean profileOps;
    private final List<OpProfile> profiles = new ArrayList<>();

    /**
     * @param reps timed repetitions per benchmark, {@code >= 1}
     * @param log receives a line as each benchmark starts
     */
    public BenchSuite(int reps, Consumer<String> log) {
        this(reps, log, List.of());
    }

    /**
     * @param reps timed repetitions per benchmark, {@code >= 1}
     * @param log receives a line as each benchmark starts
     * @param only name prefixes of the benchmarks to run (e.g. {@code hep.gan}); empty runs all
     */
    public BenchSuite(int reps, Consumer<String> log, List<String> only) {
        this.harness = new Harness(2, reps);
        this.log = log;
        this.only = List.copyOf(only);
        List<String> names = names();
        for (String p : this.only) {
            if (names.stream().noneMatch(n -> n.startsWith(p))) {
                throw new IllegalArgumentException("--only " + p + " matches no benchmark; the benchmarks are "
                        + String.join(", ", names));
            }
        }
    }

    /** @return the name of every benchmark of the registered providers, in run order */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (BenchmarkProvider p : providers) {
            p.benchmarks().forEach(b -> out.add(b.name()));
            if (p.gan().isPresent()) {
                out.add(p.domain() + ".gan.train");
                out.add(p.domain() + ".gan.infer");
            }
        }
        if (Domains.names().contains("hep")) {
            out.add(OnnxInferenceBench.NAME);
        }
        providers.forEach(p -> out.add("validate." + p.domain()));
        return out;
    }

    /**
     * Also profiles the training benchmarks op by op ({@link OpProfile}, one epoch after three
     * warm-up epochs); see {@link #profiles()}.
     *
     * @return this suite
     */
    public BenchSuite profileOps(boolean on) {
        this.profileOps = on;
        return this;
    }

    /** @return the op profiles made by the last {@link #run()} (empty unless {@link #profileOps}) */
    public List<OpProfile> profiles() {
        return List.copyOf(profiles);
    }


    /** True when a benchmark, or a group such as {@code hep.gan}, holds any benchmark asked for. */
    private boolean wanted(String name) {
        return only.isEmpty() || only.stream().anyMatch(p -> name.startsWith(p) || p.startsWith(name));
    }

    /** Runs every benchmark, domain by domain (sorted by name), then the validation suites. */
    public List<Measurement> run() throws Exception {
        List<Measurement> out = new ArrayList<>();
        profiles.clear();
        for (BenchmarkProvider p : providers) {
            if (!wanted(p.domain())) {
                continue;
            }
            for (Benchmark b : p.benchmarks()) {
                if (wanted(b.name())) {
                    log.accept(p.domain() + ": " + b.name().substring(b.name().indexOf('.') + 1));
                    out.add(harness.measureRate(b.name(), b.unit(), b.target(), b.detail(), b.work()::run));
                }
            }
            if (p.gan().isPresent() && wanted(p.domain() + ".gan")) {
                gan(out, Domains.byName(p.domain()), p.gan().get());
            }
        }
        if (wanted(OnnxInferenceBench.NAME) && Domains.names().contains("hep")) {
            OnnxInferenceBench.run(harness, log).ifPresent(out::add);
        }
        for (BenchmarkProvider p : providers) {
            if (wanted("validate." + p.domain())) {
                validate(out, p.domain());
            }
        }
        return out;
    }

    /** The training and inference sets of a domain's GAN benchmarks, sized by its plan. */
    private void gan(List<Measurement> out, Domain domain, BenchmarkProvider.GanPlan plan) throws Exception {
        TrainingConfig cfg = domain.recipe().trainingConfig().withEpochs(1);
        if (plan.batchSize() > 0) {
            cfg = cfg.withBatchSize(plan.batchSize());
        }
        SampleSet train = domain.recipe().trainingSet(domain.data().simulate(cfg.batchSize() * plan.steps(), 13, Map.of()));
        gan(out, domain, plan.unit(), train, cfg, plan.modelSamples(),
                () -> domain.data().simulate(plan.inferSamples(), 14, Map.of()), plan.inferTarget(), plan.inferBatches());
    }

    /**
     * A domain's GAN: steady-state training (and its op profile when asked), then inference of a
     * briefly trained model at each batch size, reporting the best.
     */
    private void gan(List<Measurement> out, Domain domain, String unit, SampleSet train, TrainingConfig cfg,
            int modelSamples, Supplier<SampleSet> inferSet, double inferTarget, int[] batches) throws Exception {
        String name = domain.name() + ".gan";
        if (wanted(name + ".train")) {
            log.accept(domain.name() + ": GAN training");
            out.add(trainRate(name + ".train", unit, domain, train, cfg));
            if (profileOps) {
                log.accept(domain.name() + ": GAN training, op profile");
                profiles.add(OpProfile.of(name + ".train", domain, train, cfg, 3));
            }
        }
        if (wanted(name + ".infer")) {
            log.accept(domain.name() + ": GAN inference");
            GanModel model = DomainTrainer.train(domain, train.slice(0, modelSamples), cfg, List.of());
            out.add(bestBatch(name + ".infer", unit, inferTarget, domain.recipe().adapt(model.generator()), inferSet.get(),
                    batches));
        }
    }

    /**
     * The domain's default validation suite, end to end (held-out simulation, model, conventional
     * method, statistics), on the shipped default model {@code models/<domain>-default.zip}, as
     * {@code validate} runs it; target ≤ 60 s. One timed run after one warm-up run; the
     * detail splits the timed run's wall time by {@link org.realitycheck.validation.Evaluations#seconds()}.
     */
    private void validate(List<Measurement> out, String name) throws Exception {
        java.nio.file.Path model = java.nio.file.Path.of(System.getProperty("realitycheck.home", "."), "models",
                name + "-default.zip");
        if (!java.nio.file.Files.isRegularFile(model)) {
            log.accept("validate." + name + ": skipped, no " + model);
            return;
        }
        log.accept(name + ": default validation suite on " + model.getFileName());
        double[] secs = new double[2];
        java.util.Map<String, Double> split = java.util.Map.of();
        for (int run = 0; run < 2; run++) {
            org.realitycheck.validation.RealityCheck rc = org.realitycheck.validation.RealityCheck.of(model).seed(1 + run);
            long t0 = System.nanoTime();
            rc.run();
            secs[run] = (System.nanoTime() - t0) / 1e9;
            split = rc.lastEvaluations().seconds();
        }
        double total = secs[1];
        double parts = split.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder detail = new StringBuilder(String.format(java.util.Locale.ROOT, "timed run %.1f s (warm-up run %.1f s):", total, secs[0]));
        new java.util.TreeMap<>(split).forEach((k, v) -> detail.append(String.format(java.util.Locale.ROOT, " %s %.1f s,", k, v)));
        detail.append(String.format(java.util.Locale.ROOT, " statistics and the rest %.1f s", total - parts));
        out.add(Measurement.of("validate." + name, "suites/min", new double[] {60 / total}, 1.0, detail.toString()));
    }

    /**
     * Arguments for bench/pytorch_reference.py that give it exactly the networks, batches and L1
     * weight benchmarked here (the domains' defaults).
     */
    public static List<String> pytorchArgs() {
        Domain astro = Domains.byName("astro");
        Domain hep = Domains.byName("hep");
        var u = (org.realitycheck.core.nn.UNetSpec) astro.recipe().architecture().generator();
        var p = (org.realitycheck.core.nn.PatchGanSpec) astro.recipe().architecture().discriminator();
        var g = (org.realitycheck.core.nn.MlpGeneratorSpec) hep.recipe().architecture().generator();
        var d = (org.realitycheck.core.nn.MlpDiscriminatorSpec) hep.recipe().architecture().discriminator();
        return List.of("--size", "" + u.size(), "--depth", "" + u.depth(), "--base", "" + u.baseFilters(),
                "--dropout", "" + u.dropout(), "--patch-layers", "" + p.layers(), "--patch-base", "" + p.baseFilters(),
                "--image-batch", "16", "--image-steps", "40", "--hep-steps", "60", "--hep-cond", "" + g.conditionDim(), "--hep-noise", "" + g.noiseDim(),
                "--hep-out", "" + g.outputDim(), "--hep-g-hidden", join(g.hidden()), "--hep-d-hidden", join(d.hidden()),
                "--hep-batch", "" + hep.recipe().trainingConfig().batchSize(),
                "--l1", "" + astro.recipe().trainingConfig().l1Weight());
    }

    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int v : a) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    /**
     * Steady-state training rate: samples per second from the first to the last generator step of a
     * one-epoch run (graph building and the first step excluded), warmed up by {@link Harness}.
     */
    private Measurement trainRate(String name, String unit, Domain domain, SampleSet train, TrainingConfig cfg)
            throws Exception {
        GanArchitecture arch = domain.recipe().architecture();
        int[] run = {0};
        return harness.measureRate(name, unit, Double.NaN, "batch " + cfg.batchSize() + ", "
                + train.size() / cfg.batchSize() + " steps a run", () -> {
                    long[] first = {0};
                    long[] last = {0};
                    long[] steps = {0};
                    DomainTrainer.train(domain, arch, train, cfg.withSeed(100 + run[0]++), List.of(new TrainingListener() {
                        @Override
                        public void onStep(long step, int epoch, Map<String, Double> losses) {
                            long now = System.nanoTime();
                            if (step == 1) {
                                first[0] = now;
                            }
                            last[0] = now;
                            steps[0] = step;
                        }
                    }));
                    return (steps[0] - 1) * cfg.batchSize() / ((last[0] - first[0]) / 1e9);
                }).withFlops(Flops.trainingStep(arch));
    }

    private Measurement bestBatch(String name, String unit, double target, Generator g, SampleSet set, int[] batches)
            throws Exception {
        return bestBatch(harness, name, unit, target, g, set, batches)
                .withFlops(Flops.forward(g.card().architecture().generator()));
    }

    /** The fastest batch size: each timed run generates the whole set in chunks of that size, seed = chunk index. */
    static Measurement bestBatch(Harness harness, String name, String unit, double target, Generator g, SampleSet set,
            int[] batches) throws Exception {
        Measurement best = null;
        for (int b : batches) {
            List<INDArray> chunks = new ArrayList<>();
            for (int from = 0; from + b <= set.size(); from += b) {
                chunks.add(set.conditions(from, from + b));
            }
            Measurement m = harness.measure(name, unit, target, "batch " + b, () -> {
                long n = 0;
                for (int k = 0; k < chunks.size(); k++) {
                    n += g.generate(chunks.get(k), k).size(0);
                }
                return n;
            });
            if (best == null || m.median() > best.median()) {
                best = m;
            }
        }
        return best;
    }
}
