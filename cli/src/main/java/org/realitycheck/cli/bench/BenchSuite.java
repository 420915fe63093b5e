package org.realitycheck.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.astro.AstroDomain;
import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.astro.deconv.Wiener;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.train.GanTrainer;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.train.TrainingListener;
import org.realitycheck.hep.HepBenchmarks;
import org.realitycheck.hep.HepDomain;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;

/**
 * The benchmarks of {@code realitycheck bench}, each on the real code path: simulation, the
 * conventional methods, GAN training (steady-state steps of {@link GanTrainer}, graph building
 * excluded) and GAN inference at several batch sizes, for both domains. Targets are the issues'.
 */
public final class BenchSuite {
    /** Every benchmark's name, in run order, as one line (the bench command's help shows it). */
    public static final String NAMES_TEXT = "astro.simulate, astro.richardson-lucy, astro.wiener, astro.gan.train, "
            + "astro.gan.infer, hep.simulate, hep.fit, hep.gan.train, hep.gan.infer, validate.astro, validate.hep";
    /** Every benchmark's name, in run order. */
    public static final List<String> NAMES = List.of(NAMES_TEXT.split(", "));

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
        for (String p : this.only) {
            if (NAMES.stream().noneMatch(n -> n.startsWith(p))) {
                throw new IllegalArgumentException("--only " + p + " matches no benchmark; the benchmarks are " + NAMES_TEXT);
            }
        }
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

    /** Runs every benchmark, astro then hep. */
    public List<Measurement> run() throws Exception {
        List<Measurement> out = new ArrayList<>();
        profiles.clear();
        if (wanted("astro")) {
            astro(out);
        }
        if (wanted("hep")) {
            hep(out);
        }
        for (String d : List.of("astro", "hep")) {
            if (wanted("validate." + d)) {
                validate(out, d);
            }
        }
        return out;
    }

    private void astro(List<Measurement> out) throws Exception {
        AstroDomain domain = new AstroDomain(SimConfig.fromOptions(Map.of()));
        GalaxySimulator sim = new GalaxySimulator(SimConfig.fromOptions(Map.of()));
        if (wanted("astro.simulate")) {
            log.accept("astro: simulation");
            out.add(harness.measure("astro.simulate", "galaxies/s", 200, "64x64, 4x oversampled, PSF + noise, all cores",
                    () -> sim.simulate(400, 11).size()));
        }
        SampleSet set = sim.simulate(200, 12);
        if (wanted("astro.richardson-lucy")) {
            log.accept("astro: Richardson-Lucy");
            RichardsonLucy rl = RichardsonLucy.defaults();
            out.add(harness.measure("astro.richardson-lucy", "images/s", 50, "30 iterations, 64x64, all cores",
                    () -> rl.estimateAll(set).size()));
        }
        if (wanted("astro.wiener")) {
            log.accept("astro: Wiener");
            Wiener wiener = Wiener.defaults();
            out.add(harness.measure("astro.wiener", "images/s", Double.NaN, "64x64, all cores",
                    () -> wiener.estimateAll(set).size()));
        }
        if (!wanted("astro.gan")) {
            return;
        }
        SampleSet train = domain.trainingSet(sim.simulate(16 * 40, 13)); // 40 steps a run
        TrainingConfig cfg = domain.defaultTrainingConfig().withEpochs(1).withBatchSize(16);
        gan(out, domain, "images/s", train, cfg, 16, () -> sim.simulate(256, 14), Double.NaN, new int[] {16, 32, 64, 128});
    }

    private void hep(List<Measurement> out) throws Exception {
        HepDomain domain = new HepDomain();
        int threads = Hardware.cores();
        if (wanted("hep.simulate")) {
            log.accept("hep: simulation");
            out.add(harness.measureRate("hep.simulate", "tracks/s", 200_000, "default gun, " + threads + " threads",
                    () -> HepBenchmarks.simulation(domain.detector(), 400_000, threads, 1).tracksPerSecond()));
        }
        if (wanted("hep.fit")) {
            log.accept("hep: helix fit");
            List<SimTrack> tracks = new TrackSimulator(domain.detector()).simulate(ParticleGun.defaults(), 400_000, 21);
            out.add(harness.measureRate("hep.fit", "tracks/s", 1_000_000, "Karimaki + line fit, " + threads + " threads",
                    () -> HepBenchmarks.fit(domain.detector(), tracks, threads, 1).tracksPerSecond()));
        }
        if (!wanted("hep.gan")) {
            return;
        }
        SampleSet train = domain.trainingSet(domain.simulate(512 * 60, 22, Map.of())); // 60 steps a run
        TrainingConfig cfg = domain.defaultTrainingConfig().withEpochs(1);
        gan(out, domain, "tracks/s", train, cfg, 256, () -> domain.simulate(131_072, 23, Map.of()), 1_000_000,
                new int[] {4096, 16384, 65536});
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
            GanModel model = new GanTrainer(domain.defaultArchitecture(), cfg)
                    .train(domain.name(), train.slice(0, modelSamples), domain.normalization(train));
            out.add(bestBatch(name + ".infer", unit, inferTarget, domain.adapt(model.generator()), inferSet.get(),
                    batches));
        }
    }

    /**
     * The domain's default validation suite, end to end (held-out simulation, model, conventional
     * method, statistics), on the shipped default model {@code models/<domain>-default.zip}, as
     * {@code validate} runs it; target ≤ 60 s (issue 10). One timed run after one warm-up run; the
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
        AstroDomain astro = new AstroDomain(SimConfig.fromOptions(Map.of()));
        HepDomain hep = new HepDomain();
        var u = (org.realitycheck.core.nn.UNetSpec) astro.defaultArchitecture().generator();
        var p = (org.realitycheck.core.nn.PatchGanSpec) astro.defaultArchitecture().discriminator();
        var g = (org.realitycheck.core.nn.MlpGeneratorSpec) hep.defaultArchitecture().generator();
        var d = (org.realitycheck.core.nn.MlpDiscriminatorSpec) hep.defaultArchitecture().discriminator();
        return List.of("--size", "" + u.size(), "--depth", "" + u.depth(), "--base", "" + u.baseFilters(),
                "--dropout", "" + u.dropout(), "--patch-layers", "" + p.layers(), "--patch-base", "" + p.baseFilters(),
                "--image-batch", "16", "--image-steps", "40", "--hep-steps", "60", "--hep-cond", "" + g.conditionDim(), "--hep-noise", "" + g.noiseDim(),
                "--hep-out", "" + g.outputDim(), "--hep-g-hidden", join(g.hidden()), "--hep-d-hidden", join(d.hidden()),
                "--hep-batch", "" + hep.defaultTrainingConfig().batchSize(),
                "--l1", "" + astro.defaultTrainingConfig().l1Weight());
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
        GanArchitecture arch = domain.defaultArchitecture();
        int[] run = {0};
        return harness.measureRate(name, unit, Double.NaN, "batch " + cfg.batchSize() + ", "
                + train.size() / cfg.batchSize() + " steps a run", () -> {
                    long[] first = {0};
                    long[] last = {0};
                    long[] steps = {0};
                    new GanTrainer(arch, cfg.withSeed(100 + run[0]++)).addListener(new TrainingListener() {
                        @Override
                        public void onStep(long step, int epoch, Map<String, Double> losses) {
                            long now = System.nanoTime();
                            if (step == 1) {
                                first[0] = now;
                            }
                            last[0] = now;
                            steps[0] = step;
                        }
                    }).train(domain.name(), train, domain.normalization(train));
                    return (steps[0] - 1) * cfg.batchSize() / ((last[0] - first[0]) / 1e9);
                }).withFlops(Flops.trainingStep(arch));
    }

    private Measurement bestBatch(String name, String unit, double target, Generator g, SampleSet set, int[] batches)
            throws Exception {
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
        return best.withFlops(Flops.forward(g.card().architecture().generator()));
    }
}
