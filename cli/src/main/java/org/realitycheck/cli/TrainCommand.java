package org.realitycheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Formulations;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.core.train.HistoryRecorder;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.TrainingContent;
import org.realitycheck.core.train.TrainingListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck train astro|hep --out MODEL.zip [--data DIR] [--epochs E] [--seed S]}: trains
 * the domain's default GAN and writes the model artifact (zip with generator, discriminator and
 * card.json) atomically. {@code --recipe FILE} takes the arguments from a committed YAML
 * ({@link Recipe}); options on the command line win over it.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the domain's default conditional GAN and write a model artifact.",
            "Without --data the domain simulates a training set from --seed (with the -O simulation options)."},
        footer = {"", "Examples:",
            "  realitycheck train astro --count 2048 --epochs 10 --out astro.zip",
            "  realitycheck train astro -O empty-fraction=0.1 -O injected-fraction=0.1 --decay-epochs 10 --out astro.zip",
            "  realitycheck train --recipe models/astro-default.yaml --out models/astro-default.zip"})
final class TrainCommand implements Callable<Integer> {
    static final int DEFAULT_COUNT = 2000;
    static final long DEFAULT_SEED = 42;
    /** The training option the deprecated {@code --fit-field-scale} sets (hep's recipe takes it). */
    static final String FIT_FIELD_SCALE = "fit-field-scale";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DOMAIN",
            description = "The domain: ${COMPLETION-CANDIDATES} (or the recipe's).", completionCandidates = DomainNames.class)
    String domain;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "The model artifact to write.")
    Path out;

    @Option(names = "--recipe", paramLabel = "FILE",
            description = "A committed training recipe (YAML; keys are this command's long option names).")
    Path recipe;

    @Option(names = "--data", paramLabel = "DIR", description = "Training data (the layout 'simulate' writes).")
    Path data;

    @Option(names = "--count", paramLabel = "N",
            description = "Samples to simulate when --data is absent (default: " + DEFAULT_COUNT + ").")
    Integer count;

    @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE",
            description = "A simulation option as for 'simulate' (e.g. z-max=0.02, empty-fraction=0.1; hep: pt-min=1); repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: the domain's).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: the domain's).")
    Integer batch;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam's learning rate (default: the domain's).")
    Double learningRate;

    @Option(names = "--l1-weight", paramLabel = "LAMBDA", description = "Weight of the L1 term (default: the domain's).")
    Double l1Weight;

    @Option(names = "--decay-epochs", paramLabel = "K",
            description = "Decay the learning rate linearly to zero over the last K epochs (default: the domain's).")
    Integer decayEpochs;

    @Option(names = "--training-option", paramLabel = "KEY=VALUE",
            description = "An option of the domain's training recipe, passed to it as given (hep: fit-field-scale=F, "
                    + "the helix fit that makes the training targets assumes a field F times the true one); repeatable.")
    Map<String, String> trainingOptions = new LinkedHashMap<>();

    @Option(names = "--fit-field-scale", paramLabel = "F",
            description = "Deprecated: use --training-option fit-field-scale=F.")
    Double fitFieldScale;

    @Option(names = "--formulation", paramLabel = "NAME",
            description = "What the generator learns, for a domain that offers a choice (astro: residual-rl, a correction "
                    + "to the Richardson-Lucy restoration, the default; direct, degraded -> restored as in GalaxyGAN).")
    String formulation;

    @Option(names = "--release", negatable = true,
            description = "Write a release artifact: generator and card only, no discriminator or optimiser state "
                    + "(about a third of the size; cannot resume training).")
    Boolean release;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: " + DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--history", paramLabel = "FILE", description = "Write per-step losses as JSON.")
    Path history;

    @Override
    public Integer call() throws Exception {
        Recipe r = recipe == null ? null : Recipe.read(recipe);
        String dom = pick(domain, r == null ? null : r.domain(), null);
        if (dom == null) {
            throw new UsageException("a DOMAIN (astro, hep) or a --recipe is required");
        }
        if (r != null && domain != null && !domain.equals(r.domain())) {
            throw new UsageException("domain " + domain + " disagrees with the recipe's (" + r.domain() + " in " + recipe + ")");
        }
        int n = pick(count, r == null ? null : r.count(), DEFAULT_COUNT);
        long s = pick(seed, r == null ? null : r.seed(), DEFAULT_SEED);
        Integer ep = pick(epochs, r == null ? null : r.epochs(), null);
        Integer b = pick(batch, r == null ? null : r.batch(), null);
        Double lr = pick(learningRate, r == null ? null : r.learningRate(), null);
        Double l1 = pick(l1Weight, r == null ? null : r.l1Weight(), null);
        Integer decay = pick(decayEpochs, r == null ? null : r.decayEpochs(), null);
        var err = spec.commandLine().getErr();
        Map<String, String> trainOpts = trainingOptions(r, err);
        boolean rel = pick(release, r == null ? null : r.release(), false);
        String form = pick(formulation, r == null ? null : r.formulation(), null);
        Map<String, String> opts = new LinkedHashMap<>(r == null ? Map.of() : r.options());
        opts.putAll(options);

        checkOutputs();
        if (n < 1) {
            throw new UsageException("--count must be >= 1, got " + n);
        }
        if (ep != null && ep < 1) {
            throw new UsageException("--epochs must be >= 1, got " + ep);
        }
        if (b != null && b < 1) {
            throw new UsageException("--batch must be >= 1, got " + b);
        }
        if (lr != null && !(lr > 0)) {
            throw new UsageException("--learning-rate must be > 0, got " + lr);
        }
        if (l1 != null && !(l1 >= 0)) {
            throw new UsageException("--l1-weight must be >= 0, got " + l1);
        }
        if (data != null) {
            Inputs.dataFolder(data, "--data");
        }
        if (data != null && !opts.isEmpty()) {
            throw new UsageException("-O simulation options apply only without --data, got " + opts.keySet());
        }
        Domain named = Domains.byName(dom);
        if (form != null) {
            if (!(named instanceof Formulations f)) {
                throw new UsageException("--formulation: the " + named.name() + " domain has only one formulation");
            }
            try {
                named = f.withFormulation(form);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--formulation: " + e.getMessage());
            }
        }
        Domain d = named;
        // new cards record the canonical option names, whatever the recipe or the command line said
        opts = Inputs.canonicalOptions(d, opts, spec.commandLine().getErr());
        checkTrainingOptions(d, trainOpts);
        if (data == null) {
            Limits.checkCount(d, n, s, opts, "--count");
        }
        SampleSet raw;
        if (data != null) {
            raw = d.data().load(data);
        } else {
            Progress.note(err, "simulating " + n + " " + d.name() + " training samples (seed " + s + ")"
                    + (opts.isEmpty() ? "" : " with " + opts));
            raw = d.data().simulate(n, s, opts);
        }
        String source = data == null ? "simulated training data" : "--data " + data;
        if (data != null) {
            java.util.Optional<org.realitycheck.core.Sample> untargeted = raw.samples().stream()
                    .filter(x -> !x.hasTarget()).findFirst();
            if (untargeted.isPresent()) {
                long missing = raw.samples().stream().filter(x -> !x.hasTarget()).count();
                throw new BadInputException(source + ": sample '" + untargeted.get().id() + "' (and " + (missing - 1)
                        + " more of " + raw.size() + ") has no target (truth); training needs every sample with its "
                        + "target, in the layout 'realitycheck simulate " + d.name() + "' writes");
            }
        }
        SampleSet train = d.recipe().trainingSet(raw, trainOpts);
        if (train.isEmpty() || !train.allHaveTargets()) {
            throw new UsageException((data == null ? "simulated data" : data.toString())
                    + ": training needs samples with targets (truth), found " + train.size() + " usable");
        }
        TrainingConfig cfg = d.recipe().trainingConfig().withSeed(s);
        if (ep != null) {
            cfg = cfg.withEpochs(ep);
        }
        if (b != null) {
            cfg = cfg.withBatchSize(b);
        }
        if (lr != null) {
            cfg = cfg.withLearningRate(lr);
        }
        if (l1 != null) {
            cfg = new TrainingConfig(cfg.epochs(), cfg.batchSize(), cfg.loss(), l1, cfg.learningRate(), cfg.beta1(),
                    cfg.beta2(), cfg.discriminatorSteps(), cfg.weightClip(), cfg.seed(), cfg.decayEpochs());
        }
        if (decay != null) {
            if (decay < 0 || decay > cfg.epochs()) {
                throw new UsageException("--decay-epochs must be in [0, epochs = " + cfg.epochs() + "], got " + decay);
            }
            cfg = cfg.withDecayEpochs(decay);
        }
        long stepsPerEpoch = Math.max(1, train.size() / cfg.batchSize());
        HistoryRecorder rec = new HistoryRecorder();
        GanModel model;
        try (Progress bar = new Progress(err, "training " + d.name(), stepsPerEpoch * cfg.epochs())) {
            TrainingListener progress = new TrainingListener() {
                @Override
                public void onStep(long step, int epoch, Map<String, Double> losses) {
                    bar.update(step, String.format("epoch %d d=%.3f g_l1=%.4f", epoch,
                            losses.getOrDefault("d", Double.NaN), losses.getOrDefault("g_l1", Double.NaN)));
                }
            };
            TrainingConfig c = cfg;
            model = LibraryOutput.quietly(() -> DomainTrainer.train(d, train, c, List.of(rec, progress)));
        } catch (BadInputException e) {
            // the data's shape or values: name where the data came from
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
        String how = trainingDataNote(data, n, s, opts, d.recipe().describeTrainingOptions(trainOpts));
        ModelCard card = model.card().withNote(ModelCard.NOTE_TRAINING_DATA, how);
        if (data != null) {
            // what it was trained on, by content, so validate can refuse held-out images it has seen
            card = TrainingContent.record(card, raw);
        }
        if (recipe != null) {
            card = card.withNote("recipe", recipe.getFileName().toString());
        }
        model = model.with(card, model.state());
        // the model and its history are one unit: both are written, or neither
        Map<Path, AtomicFiles.StreamWriter> files = new LinkedHashMap<>();
        files.put(out, rel ? ModelArtifact.releaseWriter(model) : ModelArtifact.writer(model));
        if (history != null) {
            files.put(history, rec.jsonWriter());
        }
        AtomicFiles.writeAll(files);
        spec.commandLine().getOut().printf("wrote %s (%d samples, %d epochs, %.0f s, final losses %s)%n", out,
                train.size(), cfg.epochs(), model.card().trainingSeconds(), new TreeMap<>(model.card().finalLosses()));
        return ExitCode.OK;
    }

    /**
     * The training options: the recipe's {@code training-option} map, then the command line's
     * {@code --training-option}s (which win); the deprecated recipe key and option {@code fit-field-scale}
     * still work, each with a warning line.
     */
    private Map<String, String> trainingOptions(Recipe r, java.io.PrintWriter err) {
        Map<String, String> opts = new LinkedHashMap<>();
        if (r != null) {
            opts.putAll(r.trainingOptions());
            if (r.fitFieldScale() != null) {
                err.println("warning: recipe key '" + FIT_FIELD_SCALE + "' is deprecated and will be removed; write "
                        + "'training-option: {" + FIT_FIELD_SCALE + ": " + r.fitFieldScale() + "}'");
                opts.put(FIT_FIELD_SCALE, Double.toString(r.fitFieldScale()));
            }
        }
        if (fitFieldScale != null) {
            err.println("warning: option '--fit-field-scale' is deprecated and will be removed; use '--training-option "
                    + FIT_FIELD_SCALE + "=" + fitFieldScale + "'");
            opts.put(FIT_FIELD_SCALE, Double.toString(fitFieldScale));
        }
        opts.putAll(trainingOptions);
        return opts;
    }

    /**
     * Rejects, before any work, a training option the domain's recipe does not take (naming the domains that
     * do) or a value it refuses ({@link org.realitycheck.core.TrainingRecipe#describeTrainingOptions} reads them).
     */
    private static void checkTrainingOptions(Domain d, Map<String, String> opts) {
        java.util.Set<String> known = d.recipe().trainingOptions();
        for (String k : opts.keySet()) {
            if (!known.contains(k)) {
                List<String> takers = Domains.all().stream()
                        .filter(x -> x.recipe().trainingOptions().contains(k)).map(Domain::name).toList();
                throw new UsageException("--training-option " + k + (takers.isEmpty() ? ": unknown"
                        : ": applies to the " + String.join(", ", takers) + " domain only, not " + d.name())
                        + "; the " + d.name() + " recipe takes " + (known.isEmpty() ? "no training options"
                        : String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
        try {
            d.recipe().describeTrainingOptions(opts);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--training-option: " + e.getMessage());
        }
    }

    /**
     * Everything about {@code --out} and {@code --history} that can be known before training: both
     * writable, of the right kind, and not the same file; an existing {@code --out} must be a zip
     * (a model it replaces), never some other file of the user's.
     */
    private void checkOutputs() throws IOException {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--data", data);
        inputs.put("--recipe", recipe);
        Path abs = Outputs.checkFile(out, "--out");
        Inputs.checkApart(out, "--out", inputs);
        Outputs.checkOurs(abs, out, "--out", Outputs.Written.MODEL);
        if (history != null) {
            Path h = Outputs.checkFile(history, "--history");
            Outputs.checkDistinct(out, "--out", history, "--history");
            Inputs.checkApart(history, "--history", inputs);
            Outputs.checkOurs(h, history, "--history", Outputs.Written.HISTORY);
        }
    }

    /** What the card says about the training data: where it came from and any deliberate bias. */
    static String trainingDataNote(Path data, int n, long seed, Map<String, String> opts, String trainingOptions) {
        StringBuilder sb = new StringBuilder();
        if (data != null) {
            sb.append("loaded from ").append(data.getFileName());
        } else {
            sb.append("simulated: ").append(n).append(" samples, seed ").append(seed);
            sb.append(opts.isEmpty() ? ", default options" : ", options " + new TreeMap<>(opts));
        }
        if (!trainingOptions.isEmpty()) {
            sb.append("; ").append(trainingOptions);
        }
        return sb.toString();
    }

    private static <T> T pick(T cli, T fromRecipe, T dflt) {
        return cli != null ? cli : fromRecipe != null ? fromRecipe : dflt;
    }
}
