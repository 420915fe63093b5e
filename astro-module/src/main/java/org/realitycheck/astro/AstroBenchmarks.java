package org.realitycheck.astro;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.astro.deconv.Wiener;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.bench.Benchmark;
import org.realitycheck.core.bench.BenchmarkProvider;

/**
 * The astro benchmarks of {@code realitycheck bench} (registered through ServiceLoader): galaxy
 * simulation and the two deconvolutions on 200 default galaxies, and the sizes of the GAN benchmarks.
 */
public final class AstroBenchmarks implements BenchmarkProvider {
    private SampleSet images;

    @Override
    public String domain() {
        return "astro";
    }

    /** 200 default galaxies (seed 12), simulated on first use. */
    private synchronized SampleSet images() {
        if (images == null) {
            images = new GalaxySimulator(SimConfig.fromOptions(Map.of())).simulate(200, 12);
        }
        return images;
    }

    @Override
    public List<Benchmark> benchmarks() {
        GalaxySimulator sim = new GalaxySimulator(SimConfig.fromOptions(Map.of()));
        RichardsonLucy rl = RichardsonLucy.defaults();
        Wiener wiener = Wiener.defaults();
        return List.of(
                Benchmark.timed("astro.simulate", "galaxies/s", 200, "64x64, 4x oversampled, PSF + noise, all cores",
                        () -> sim.simulate(400, 11).size()),
                Benchmark.timed("astro.richardson-lucy", "images/s", 50, "30 iterations, 64x64, all cores",
                        () -> rl.estimateAll(images()).size()),
                Benchmark.timed("astro.wiener", "images/s", Double.NaN, "64x64, all cores",
                        () -> wiener.estimateAll(images()).size()));
    }

    /** Batch 16, 40 steps a training run; inference on 256 images at batch 16 to 128. */
    @Override
    public Optional<GanPlan> gan() {
        return Optional.of(new GanPlan("images/s", 16, 40, 16, 256, Double.NaN, new int[] {16, 32, 64, 128}));
    }
}
