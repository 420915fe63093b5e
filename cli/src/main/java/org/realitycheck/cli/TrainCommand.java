package org.realitycheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.train.GanTrainer;
import org.realitycheck.core.train.HistoryRecorder;
import org.realitycheck.core.train.TrainingConfig;
import org.realitycheck.core.train.TrainingListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code realitycheck train astro|hep --out MODEL.zip [--data DIR] [--epochs E] [--seed S]}: trains
 * the domain's default GAN and writes the model artifact (zip with generator, discriminator and
 * card.json) atomically.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the domain's default conditional GAN and write a model artifact.",
            "Without --data the domain simulates a training set from --seed."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain: ${COMPLETION-CANDIDATES}.",
            completionCandidates = DomainNames.class)
    String domain;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "The model artifact to write.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Training data (the layout 'simulate' writes).")
    Path data;

    @Option(names = "--count", defaultValue = "2000", paramLabel = "N",
            description = "Samples to simulate when --data is absent (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: the domain's).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: the domain's).")
    Integer batch;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--history", paramLabel = "FILE", description = "Write per-step losses as JSON.")
    Path history;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new UsageException("--count must be >= 1, got " + count);
        }
        if (epochs != null && epochs < 1) {
            throw new UsageException("--epochs must be >= 1, got " + epochs);
        }
        if (batch != null && batch < 1) {
            throw new UsageException("--batch must be >= 1, got " + batch);
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new UsageException(data + ": --data must be a folder written by 'realitycheck simulate'");
        }
        Domain d = Domains.byName(domain);
        var err = spec.commandLine().getErr();
        SampleSet raw;
        if (data != null) {
            raw = d.load(data);
        } else {
            Progress.note(err, "simulating " + count + " " + d.name() + " training samples (seed " + seed + ")");
            raw = d.simulate(count, seed, Map.of());
        }
        SampleSet train = d.trainingSet(raw);
        if (train.isEmpty() || !train.allHaveTargets()) {
            throw new UsageException((data == null ? "simulated data" : data.toString())
                    + ": training needs samples with targets (truth), found " + train.size() + " usable");
        }
        TrainingConfig cfg = d.defaultTrainingConfig().withSeed(seed);
        if (epochs != null) {
            cfg = cfg.withEpochs(epochs);
        }
        if (batch != null) {
            cfg = cfg.withBatchSize(batch);
        }
        long stepsPerEpoch = Math.max(1, train.size() / cfg.batchSize());
        GanTrainer trainer = new GanTrainer(d.defaultArchitecture(), cfg);
        HistoryRecorder rec = new HistoryRecorder();
        trainer.addListener(rec);
        GanModel model;
        try (Progress bar = new Progress(err, "training " + d.name(), stepsPerEpoch * cfg.epochs())) {
            trainer.addListener(new TrainingListener() {
                @Override
                public void onStep(long step, int epoch, Map<String, Double> losses) {
                    bar.update(step, String.format("epoch %d d=%.3f g_l1=%.4f", epoch,
                            losses.getOrDefault("d", Double.NaN), losses.getOrDefault("g_l1", Double.NaN)));
                }
            });
            model = LibraryOutput.quietly(() -> trainer.train(d.name(), train, d.normalization(train)));
        }
        ModelArtifact.write(model, out);
        if (history != null) {
            rec.writeJson(history);
        }
        spec.commandLine().getOut().printf("wrote %s (%d samples, %d epochs, %.0f s, final losses %s)%n", out,
                train.size(), cfg.epochs(), model.card().trainingSeconds(), model.card().finalLosses());
        return ExitCode.OK;
    }
}
