package org.realitycheck.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A domain's benchmarks for {@code realitycheck bench}, registered with {@link ServiceLoader} (a
 * {@code META-INF/services/org.realitycheck.core.bench.BenchmarkProvider} file), so the CLI measures
 * every domain on the classpath without importing its classes. The GAN benchmarks are the CLI's own
 * (they run gan-core's trainer on the domain's defaults); a provider only sizes them ({@link #gan()}) and
 * may name an ONNX model of the same architecture to compare with ({@link #onnxPeer()}).
 */
public interface BenchmarkProvider {
    /** @return the domain's registry name, e.g. {@code astro} */
    String domain();

    /**
     * @return the domain's own benchmarks (simulation, conventional methods), in run order, each
     *     named {@code <domain>.<what>}; building them must be cheap (the work happens in
     *     {@link Benchmark#work()})
     */
    List<Benchmark> benchmarks();

    /** @return how to size the GAN training and inference benchmarks, or empty to skip them */
    default Optional<GanPlan> gan() {
        return Optional.empty();
    }

    /**
     * The sizes of a domain's GAN benchmarks.
     *
     * @param unit what is counted, e.g. {@code images/s}
     * @param batchSize training batch size, or 0 for the default training config's
     * @param steps generator steps in one timed training run, {@code >= 2}
     * @param modelSamples samples the briefly trained inference model sees
     * @param inferSamples samples in the inference set
     * @param inferTarget inference target in {@code unit}, or NaN
     * @param inferBatches inference batch sizes to try; the best is reported
     */
    record GanPlan(String unit, int batchSize, int steps, int modelSamples, int inferSamples, double inferTarget,
            int[] inferBatches) {
        public GanPlan {
            if (steps < 2 || batchSize < 0 || modelSamples < 1 || inferSamples < 1 || inferBatches.length == 0) {
                throw new IllegalArgumentException("need steps >= 2, batchSize >= 0, modelSamples >= 1, "
                        + "inferSamples >= 1 and an inference batch; got " + steps + ", " + batchSize + ", "
                        + modelSamples + ", " + inferSamples + ", " + inferBatches.length);
            }
            inferBatches = inferBatches.clone();
        }

        @Override
        public int[] inferBatches() {
            return inferBatches.clone();
        }
    }

    /**
     * @return the path, relative to the project folder, of an ONNX model of the same architecture as this
     *     domain's generator (exported by another framework), for a {@code <domain>.onnx.infer} row that runs it
     *     through ONNX Runtime next to our own kernel on the same inputs; empty for none
     */
    default Optional<String> onnxPeer() {
        return Optional.empty();
    }

    /** @return every registered provider, sorted by domain name */
    static List<BenchmarkProvider> all() {
        TreeMap<String, BenchmarkProvider> byDomain = new TreeMap<>();
        for (BenchmarkProvider p : ServiceLoader.load(BenchmarkProvider.class)) {
            byDomain.putIfAbsent(p.domain(), p);
        }
        return new ArrayList<>(byDomain.values());
    }
}
