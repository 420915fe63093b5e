package org.realitycheck.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

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
import org.realitycheck.validation.RealityCheck;

/**
 * The benchmarks of {@code realitycheck bench}, each on the real code path, for every domain that registers
 * a {@link BenchmarkProvider} (found through ServiceLoader: this class names no domain). Per domain, in run
 * order:
 * <ul>
 *   <li>the provider's own benchmarks ({@link Measurement.Kind#COMPONENT}: simulation, conventional methods);</li>
 *   <li>{@code <d>.gan.train}: steady-state steps of gan-core's trainer, graph building excluded, and
 *       {@code <d>.gan.infer}: the generator network alone on inputs already in its frame, the best of the
 *       plan's batch sizes ({@link Measurement.Kind#NETWORK}; the PyTorch peer runs the same graphs);</li>
 *   <li>{@code <d>.model.infer}: the shipped model, i.e. the recipe's {@code adapt} around the network
 *       (preprocessing such as Richardson–Lucy or the track seed, the network, the postprocessing), physical
 *       inputs to physical outputs, with the split of its time between the network and the rest
 *       ({@link Measurement.Kind#MODEL});</li>
 *   <li>{@code <d>.onnx.infer} when the provider names an ONNX model of the same architecture;</li>
 *   <li>{@code validate.<d>}: the default validation suite on {@code models/<d>-default.zip}.</li>
 * </ul>
 * {@link #runOne} runs one benchmark in this JVM; {@link Isolated} runs each in a JVM of its own.
 */
public final class BenchSuite {
    private final List<BenchmarkProvider> providers;
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
     * @throws IllegalArgumentException when a prefix matches no benchmark (the message lists them)
     */
    public BenchSuite(int reps, Consumer<String> log, List<String> only) {
        this(BenchmarkProvider.all(), reps, log, only);
    }

    BenchSuite(List<BenchmarkProvider> providers, int reps, Consumer<String> log, List<String> only) {
        this.providers = List.copyOf(providers);
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
                out.add(p.domain() + ".model.infer");
            }
            if (p.onnxPeer().isPresent()) {
                out.add(p.domain() + ".onnx.infer");
            }
        }
        providers.forEach(p -> out.add("validate." + p.domain()));
        return out;
    }

    /** @return the benchmarks {@code --only} selects, in run order (all when it is empty) */
    public List<String> selected() {
        return names().stream().filter(n -> only.isEmpty() || only.stream().anyMatch(n::startsWith)).toList();
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

    /** @return the op profiles made so far (empty unless {@link #profileOps}) */
    public List<OpProfile> profiles() {
        return List.copyOf(profiles);
    }

    /** Runs every selected benchmark in this JVM, one after the other (see {@link Isolated} for one JVM each). */
    public List<Measurement> run() throws Exception {
        List<Measurement> out = new ArrayList<>();
        profiles.clear();
        for (String name : selected()) {
            runOne(name).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Runs one benchmark in this JVM.
     *
     * @return its measurement, or empty when it was skipped (a model file it needs is missing)
     * @throws IllegalArgumentException when no benchmark has this name
     */
    public java.util.Optional<Measurement> runOne(String name) throws Exception {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no benchmark named " + name + "; the benchmarks are "
                    + String.join(", ", names()));
        }
        if (name.startsWith("validate.")) {
            return validate(name.substring("validate.".length()));
        }
        String domainName = name.substring(0, name.indexOf('.'));
        BenchmarkProvider p = providers.stream().filter(q -> q.domain().equals(domainName)).findFirst().orElseThrow();
        for (Benchmark b : p.benchmarks()) {
            if (b.name().equals(name)) {
                log.accept(p.domain() + ": " + b.name().substring(b.name().indexOf('.') + 1));
                return java.util.Optional.of(harness.measureRate(b.name(), b.unit(), b.target(), b.detail(), b.work()::run));
            }
        }
        Domain domain = Domains.byName(domainName);
        String what = name.substring(domainName.length() + 1);
        if (what.equals("onnx.infer")) {
            return OnnxInferenceBench.run(harness, log, domain, p.onnxPeer().orElseThrow(),
                    p.gan().map(BenchmarkProvider.GanPlan::unit).orElse("samples/s"));
        }
        GanSetup g = new GanSetup(domain, p.gan().orElseThrow());
        return java.util.Optional.of(switch (what) {
            case "gan.train" -> trainRate(g);
            case "gan.infer" -> networkInference(g);
            case "model.infer" -> modelInference(g);
            default -> throw new IllegalStateException("unknown benchmark " + name);
        });
    }

    /** A domain's GAN benchmark inputs, sized by its plan; the sets are simulated on first use. */
    private static final class GanSetup {
        final Domain domain;
        final BenchmarkProvider.GanPlan plan;
        final TrainingConfig cfg;

        GanSetup(Domain domain, BenchmarkProvider.GanPlan plan) {
            this.domain = domain;
            this.plan = plan;
            TrainingConfig c = domain.recipe().trainingConfig().withEpochs(1);
            this.cfg = plan.batchSize() > 0 ? c.withBatchSize(plan.batchSize()) : c;
        }

        String name(String what) {
            return domain.name() + "." + what;
        }

        /** The training set of a timed training run: batch × steps samples in the network's frame. */
        SampleSet trainingSet() {
            return domain.recipe().trainingSet(domain.data().simulate(cfg.batchSize() * plan.steps(), 13, Map.of()));
        }

        /** A briefly trained model (its weights do not change the inference cost). */
        GanModel model() {
            SampleSet train = domain.recipe().trainingSet(domain.data().simulate(plan.modelSamples(), 13, Map.of()));
            return DomainTrainer.train(domain, train, cfg, List.of());
        }

        /** The inference set, physical units (what {@code validate} feeds a model). */
        SampleSet inferenceSet() {
            return domain.data().simulate(plan.inferSamples(), 14, Map.of());
        }
    }

    /**
     * Steady-state training rate: samples per second from the first to the last generator step of a
     * one-epoch run (graph building and the first step excluded), warmed up by {@link Harness}.
     */
    private Measurement trainRate(GanSetup g) throws Exception {
        String name = g.name("gan.train");
        log.accept(g.domain.name() + ": GAN training");
        SampleSet train = g.trainingSet();
        GanArchitecture arch = g.domain.recipe().architecture();
        TrainingConfig cfg = g.cfg;
        int[] run = {0};
        Measurement m = harness.measureRate(name, g.plan.unit(), Double.NaN, "batch " + cfg.batchSize() + ", "
                + train.size() / cfg.batchSize() + " steps a run", () -> {
                    long[] first = {0};
                    long[] last = {0};
                    long[] steps = {0};
                    DomainTrainer.train(g.domain, arch, train, cfg.withSeed(100 + run[0]++), List.of(new TrainingListener() {
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
                }).withFlops(Flops.trainingStep(arch)).withKind(Measurement.Kind.NETWORK);
        if (profileOps) {
            log.accept(g.domain.name() + ": GAN training, op profile");
            profiles.add(OpProfile.of(name, g.domain, train, cfg, 3));
        }
        return m;
    }

    /** The generator network alone, on the inference set already in its frame, at the plan's best batch. */
    private Measurement networkInference(GanSetup g) throws Exception {
        log.accept(g.domain.name() + ": GAN inference, network alone");
        Generator raw = g.model().generator();
        SampleSet inNetworkFrame = g.domain.recipe().trainingSet(g.inferenceSet());
        return bestBatch(harness, g.name("gan.infer"), g.plan.unit(), Double.NaN, raw, inNetworkFrame, g.plan.inferBatches())
                .withFlops(Flops.forward(raw.card().architecture().generator())).withKind(Measurement.Kind.NETWORK);
    }

    /**
     * The whole model ({@code recipe().adapt} around the network) on physical inputs at the plan's largest
     * batch, then the split of its time: after both are warm, {@link #SPLIT_PAIRS} pairs of one pass of the
     * model and one pass of the network alone on the same samples in its frame, back to back so that both
     * see the same load; the network's share is the median of the pairs' time ratios, the rest is the
     * adapter's pre- and postprocessing.
     */
    private Measurement modelInference(GanSetup g) throws Exception {
        log.accept(g.domain.name() + ": the whole model's inference (pre- and postprocessing, network)");
        GanModel model = g.model();
        Generator raw = model.generator();
        Generator adapted = g.domain.recipe().adapt(raw);
        SampleSet physical = g.inferenceSet();
        SampleSet inFrame = g.domain.recipe().trainingSet(physical);
        int[] batches = g.plan.inferBatches();
        int batch = Math.min(physical.size(), batches[batches.length - 1]);
        Measurement whole = bestBatch(harness, g.name("model.infer"), g.plan.unit(), g.plan.inferTarget(), adapted,
                physical, new int[] {batch});
        Measurement net = bestBatch(harness, g.name("gan.infer"), g.plan.unit(), Double.NaN, raw, inFrame, new int[] {batch});
        List<INDArray> physicalChunks = chunks(physical, batch);
        List<INDArray> frameChunks = chunks(inFrame, batch);
        double[] shares = new double[SPLIT_PAIRS];
        for (int i = 0; i < SPLIT_PAIRS; i++) {
            double tModel = pass(adapted, physicalChunks);
            double tNet = pass(raw, frameChunks);
            shares[i] = tNet / tModel;
        }
        java.util.Arrays.sort(shares);
        double network = Math.min(1, shares[SPLIT_PAIRS / 2]);
        Map<String, Double> split = new LinkedHashMap<>();
        split.put("network", network);
        split.put("pre- and postprocessing", 1 - network);
        String detail = String.format(Locale.ROOT, "%s; network alone on the same samples %s %s; split from %d "
                + "back-to-back pairs: network %.0f%% (pairs %.0f–%.0f%%), pre- and postprocessing %.0f%% of the time",
                whole.detail(), num(net.median()), g.plan.unit(), SPLIT_PAIRS, 100 * network, 100 * shares[0],
                100 * shares[SPLIT_PAIRS - 1], 100 * (1 - network));
        return whole.renamed(whole.name(), detail).withKind(Measurement.Kind.MODEL).withSplit(split);
    }

    /** Pairs of model and network passes behind a model row's split. */
    static final int SPLIT_PAIRS = 5;

    /** @return seconds for one pass over the chunks (seed = chunk index) */
    private static double pass(Generator g, List<INDArray> chunks) {
        long t0 = System.nanoTime();
        for (int k = 0; k < chunks.size(); k++) {
            g.generate(chunks.get(k), k).getFloat(0);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** @return the set's conditions in whole chunks of {@code batch} */
    private static List<INDArray> chunks(SampleSet set, int batch) {
        List<INDArray> chunks = new ArrayList<>();
        for (int from = 0; from + batch <= set.size(); from += batch) {
            chunks.add(set.conditions(from, from + batch));
        }
        return chunks;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /**
     * The domain's default validation suite, end to end (held-out simulation, model, conventional
     * method, statistics), on the shipped default model {@code models/<domain>-default.zip}, as
     * {@code validate} runs it; target ≤ 60 s. One timed run after one warm-up run; the detail splits
     * the timed run's wall time by {@link org.realitycheck.validation.Evaluations#seconds()}.
     */
    private java.util.Optional<Measurement> validate(String name) throws Exception {
        Path model = Path.of(System.getProperty("realitycheck.home", "."), "models", name + "-default.zip");
        if (!Files.isRegularFile(model)) {
            log.accept("validate." + name + ": skipped, no " + model);
            return java.util.Optional.empty();
        }
        log.accept(name + ": default validation suite on " + model.getFileName());
        double[] secs = new double[2];
        Map<String, Double> split = Map.of();
        for (int run = 0; run < 2; run++) {
            RealityCheck rc = RealityCheck.of(model).seed(1 + run);
            long t0 = System.nanoTime();
            rc.run();
            secs[run] = (System.nanoTime() - t0) / 1e9;
            split = rc.lastEvaluations().seconds();
        }
        double total = secs[1];
        double parts = split.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder detail = new StringBuilder(String.format(Locale.ROOT, "timed run %.1f s (warm-up run %.1f s):", total, secs[0]));
        new TreeMap<>(split).forEach((k, v) -> detail.append(String.format(Locale.ROOT, " %s %.1f s,", k, v)));
        detail.append(String.format(Locale.ROOT, " statistics and the rest %.1f s", total - parts));
        return java.util.Optional.of(Measurement.of("validate." + name, "suites/min", new double[] {60 / total}, 1.0,
                detail.toString()).withKind(Measurement.Kind.SUITE));
    }

    /** @return the GAN architectures and sizes the PyTorch peer must run: the same as {@code *.gan.*} here */
    public List<PeerSpec> peerSpecs() {
        List<PeerSpec> out = new ArrayList<>();
        for (BenchmarkProvider p : providers) {
            if (p.gan().isPresent() && (only.isEmpty() || only.stream().anyMatch(o -> (p.domain() + ".gan.").startsWith(o)
                    || o.startsWith(p.domain() + ".gan")))) {
                GanSetup g = new GanSetup(Domains.byName(p.domain()), p.gan().get());
                out.add(new PeerSpec(p.domain(), g.domain.recipe().architecture(), g.cfg.batchSize(), g.plan.steps(),
                        g.cfg.l1Weight(), g.plan.inferBatches()));
            }
        }
        return out;
    }

    /**
     * One network pair for the PyTorch peer.
     *
     * @param domain the domain; the peer reports {@code <domain>.gan.train} and {@code <domain>.gan.infer}
     * @param architecture the generator and discriminator
     * @param batch training batch
     * @param steps generator steps a timed training run
     * @param l1 the L1 weight of the generator's loss
     * @param inferBatches inference batch sizes
     */
    public record PeerSpec(String domain, GanArchitecture architecture, int batch, int steps, double l1, int[] inferBatches) {
    }

    /** The fastest batch size: each timed run generates the whole set in chunks of that size, seed = chunk index. */
    static Measurement bestBatch(Harness harness, String name, String unit, double target, Generator g, SampleSet set,
            int[] batches) throws Exception {
        Measurement best = null;
        for (int b : batches) {
            List<INDArray> chunks = chunks(set, b);
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
