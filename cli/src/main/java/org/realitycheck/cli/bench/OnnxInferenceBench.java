package org.realitycheck.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.onnx.OnnxGenerator;

/**
 * {@code <domain>.onnx.infer}: a model of the same architecture as the domain's generator, exported by another
 * framework (the provider's {@link org.realitycheck.core.bench.BenchmarkProvider#onnxPeer()}, e.g. the
 * PyTorch-trained track GAN of the ONNX example), run by ONNX Runtime next to our own kernel on a briefly
 * trained model, both through the domain's {@code adapt} as {@code validate} runs them, on the same inputs in
 * the same JVM. The best batch of each is kept; the detail quotes both rates and their ratio.
 */
final class OnnxInferenceBench {
    private static final int[] BATCHES = {4096, 16384};

    private OnnxInferenceBench() {
    }

    /** @return the measurement, or empty when the provider's ONNX model is not there */
    static Optional<Measurement> run(Harness harness, Consumer<String> log, Domain domain, String relativePath,
            String unit)
            throws Exception {
        String name = domain.name() + ".onnx.infer";
        Path model = Path.of(System.getProperty("realitycheck.home", "."), relativePath);
        if (!Files.isRegularFile(model)) {
            log.accept(name + ": skipped, no " + model);
            return Optional.empty();
        }
        log.accept(domain.name() + ": ONNX Runtime inference of " + model.getFileName() + " next to our kernel");
        SampleSet set = domain.data().simulate(65_536, 23, Map.of());
        SampleSet train = domain.recipe().trainingSet(domain.data().simulate(256, 22, Map.of()));
        GanModel ours = DomainTrainer.train(domain, train, domain.recipe().trainingConfig().withEpochs(1), List.of());
        Measurement kernel = BenchSuite.bestBatch(harness, domain.name() + ".model.infer", unit, Double.NaN,
                domain.recipe().adapt(ours.generator()), set, BATCHES);
        try (Generator onnx = Models.load(model)) {
            Measurement ort = BenchSuite.bestBatch(harness, name, kernel.unit(), Double.NaN, onnx, set, BATCHES);
            String detail = String.format(Locale.ROOT, "%s on %s, %d intra-op threads, %s; our model of the same "
                    + "architecture, same adapter, %.0f %s at %s; ours / ONNX Runtime = %.2f", OnnxGenerator.engine(),
                    model.getFileName(), OnnxGenerator.threads(), ort.detail(), kernel.median(), unit, kernel.detail(),
                    kernel.median() / ort.median());
            return Optional.of(ort.renamed(name, detail).withKind(Measurement.Kind.PEER)
                    .withFlops(Flops.forward(domain.recipe().architecture().generator())));
        }
    }
}
