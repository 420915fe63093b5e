package org.realitycheck.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.onnx.OnnxGenerator;

/**
 * {@code hep.onnx.infer}: the PyTorch-trained track GAN of {@code examples/onnx/track-gan.onnx} run by
 * ONNX Runtime, next to our own kernel (the Vector-API MLP of {@code hep.gan.infer}) on a model of the
 * same architecture (hits ⊕ 8 noise → 3 × 128 → 5, linear skip), both through the hep domain's rotation
 * and the recorded normalisation, as {@code validate} runs them. The best batch of each is kept; the
 * detail quotes both rates and their ratio.
 */
final class OnnxInferenceBench {
    static final String NAME = "hep.onnx.infer";
    private static final int[] BATCHES = {4096, 16384};

    private OnnxInferenceBench() {
    }

    /** @return the measurement, or empty when {@code examples/onnx/track-gan.onnx} is not there */
    static Optional<Measurement> run(Harness harness, Consumer<String> log) throws Exception {
        Path model = Path.of(System.getProperty("realitycheck.home", "."), "examples", "onnx", "track-gan.onnx");
        if (!Files.isRegularFile(model)) {
            log.accept(NAME + ": skipped, no " + model);
            return Optional.empty();
        }
        log.accept("hep: ONNX Runtime inference of " + model.getFileName() + " next to our kernel");
        Domain domain = Domains.byName("hep");
        SampleSet set = domain.data().simulate(65_536, 23, Map.of());
        SampleSet train = domain.recipe().trainingSet(domain.data().simulate(256, 22, Map.of()));
        GanModel ours = DomainTrainer.train(domain, train, domain.recipe().trainingConfig().withEpochs(1), List.of());
        Measurement kernel = BenchSuite.bestBatch(harness, "hep.gan.infer", "tracks/s", Double.NaN,
                domain.recipe().adapt(ours.generator()), set, BATCHES);
        try (Generator onnx = Models.load(model)) {
            Measurement ort = BenchSuite.bestBatch(harness, NAME, "tracks/s", Double.NaN, onnx, set, BATCHES);
            String detail = String.format(Locale.ROOT, "%s on %s, %d intra-op threads, %s; our kernel (hep.gan.infer, same "
                    + "architecture) %.0f tracks/s at %s; ONNX Runtime / ours = %.2f", OnnxGenerator.engine(),
                    model.getFileName(), OnnxGenerator.threads(), ort.detail(), kernel.median(), kernel.detail(),
                    ort.median() / kernel.median());
            return Optional.of(new Measurement(NAME, ort.unit(), ort.median(), ort.min(), ort.max(), ort.reps(),
                    Double.NaN, detail, Flops.forward(domain.recipe().architecture().generator())));
        }
    }
}
