package org.realitycheck.validation.testdomain;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.testkit.FlatDomain;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.TrainingConfig;

/**
 * A small, fast domain for the validation module's own tests: a 1-D "sky" of {@value #N} pixels
 * holding one Gaussian source of width {@value #WIDTH} px, measured with white noise of σ = 1
 * (condition = truth + noise; target = truth). Covariate {@code z} dims the source like redshift:
 * flux = F0 / (1 + 4z)², F0 ~ U(60, 120); the default training range is z ∈ [0, {@value #Z_TRAIN}].
 *
 * <ul>
 *   <li>Conventional method: a least-squares fit of a Gaussian of the known width (centre on a
 *       0.05 px grid, amplitude in closed form), σ(flux) = σ / √Σg² for the unit-flux profile g.</li>
 *   <li>Forward model: the identity; χ² = Σ (condition − output)² / σ², ndf = {@value #N}.</li>
 *   <li>Empty inputs: noise only (target 0). {@link #detect}: runs of pixels above 3σ.</li>
 *   <li>Injections: a point-like spike (width 0.6 px, flux 40); {@link #recovered}: the output's flux
 *       within ±2 px of it is within 30% of the truth's.</li>
 *   <li>Observables: {@code flux} (sum, with the fit's σ for pulls), {@code centre} (centroid of the
 *       positive part, px), {@code peak}.</li>
 * </ul>
 * Every sample it makes is remembered by its condition ({@link #truthOf}), so a test "oracle"
 * generator can return the truth: that is what an honest model looks like to the checks.
 */
public final class ToyDomain extends FlatDomain {
    public static final int N = 32;
    public static final double WIDTH = 2.5;
    public static final double Z_TRAIN = 0.25;
    public static final double INJECTED_FLUX = 40;
    private static final Map<RowKey, float[]> TRUTH = new ConcurrentHashMap<>();

    /** @return the truth of a condition this domain made, or empty */
    public static Optional<float[]> truthOf(float[] condition) {
        float[] t = TRUTH.get(new RowKey(condition));
        return t == null ? Optional.empty() : Optional.of(t.clone());
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public String describe() {
        return "A 1-D test domain: one Gaussian source in white noise, dimmed by z.";
    }

    static float[] gaussian(double flux, double centre, double width) {
        float[] g = new float[N];
        double norm = 0;
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            double d = (i + 0.5 - centre) / width;
            v[i] = Math.exp(-0.5 * d * d);
            norm += v[i];
        }
        for (int i = 0; i < N; i++) {
            g[i] = (float) (flux * v[i] / norm);
        }
        return g;
    }

    private Sample make(String id, String kind, float[] truth, SplittableRandom r, Map<String, Double> cov) {
        float[] c = new float[N];
        for (int i = 0; i < N; i++) {
            c[i] = (float) (truth[i] + gauss(r));
        }
        TRUTH.put(new RowKey(c), truth.clone());
        return new Sample(id, kind, c, truth, cov);
    }

    private static double gauss(SplittableRandom r) {
        // Box–Muller, so that the numbers do not depend on java.util.Random's internals
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private SampleSet galaxies(String prefix, int n, long seed, double zMin, double zMax) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        SplittableRandom master = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            SplittableRandom r = master.split();
            double z = zMin + (zMax - zMin) * r.nextDouble();
            double f0 = 60 + 60 * r.nextDouble();
            double flux = f0 / Math.pow(1 + 4 * z, 2);
            double centre = 12 + 8 * r.nextDouble();
            out.add(make(String.format("%s-%06d", prefix, k), "source", gaussian(flux, centre, WIDTH), r,
                    Map.of("z", z, "flux", flux, "centre", centre)));
        }
        return new SampleSet(out, new long[] {N}, new long[] {N});
    }

    @Override
    public java.util.Set<String> simulationOptions() {
        return java.util.Set.of("z-min", "z-max");
    }

    /** Options: {@code z-min}, {@code z-max} (default 0 and {@value #Z_TRAIN}). */
    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!k.equals("z-min") && !k.equals("z-max")) {
                throw new IllegalArgumentException("unknown option '" + k + "'; known options: z-max, z-min");
            }
        }
        double lo = Double.parseDouble(options.getOrDefault("z-min", "0"));
        double hi = Double.parseDouble(options.getOrDefault("z-max", Double.toString(Z_TRAIN)));
        return galaxies("toy", n, seed, lo, hi);
    }

    @Override
    public SampleSet load(Path path) {
        throw BadInputException.at(path, "", "the toy domain has no file format");
    }

    /** The toy has no file format: nothing to write. */
    @Override
    public void write(SampleSet set, Path folder) throws java.io.IOException {
        throw new java.io.IOException(folder + ": the toy domain has no file format");
    }

    @Override
    public ConventionalMethod conventionalMethod() {
        return new Fit();
    }

    @Override
    public ForwardModel forwardModel() {
        return new ForwardModel() {
            @Override
            public float[] forward(float[] output, Sample input) {
                return output.clone();
            }

            @Override
            public Consistency consistency(float[] output, Sample input) {
                float[] c = input.condition();
                double chi2 = 0;
                for (int i = 0; i < N; i++) {
                    double d = c[i] - output[i];
                    chi2 += d * d;
                }
                return new Consistency(chi2, N);
            }
        };
    }

    @Override
    public SampleSet emptyInputs(int n, long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(make(String.format("empty-%06d", k), "empty", new float[N], master.split(), Map.of()));
        }
        return new SampleSet(out, new long[] {N}, new long[] {N});
    }

    @Override
    public SampleSet injections(int n, long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            SplittableRandom r = master.split();
            double x = 6 + 20 * r.nextDouble();
            out.add(make(String.format("injected-spike-%06d", k), "injected", gaussian(INJECTED_FLUX, x, 0.6), r,
                    Map.of("inj_x", x, "inj_flux", INJECTED_FLUX, "subtype", 1.0)));
        }
        return new SampleSet(out, new long[] {N}, new long[] {N});
    }

    @Override
    public Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        if (!covariate.equals("z")) {
            return Optional.empty();
        }
        return Optional.of(galaxies("sweep", n, seed, min, max));
    }

    @Override
    public String primaryCovariate() {
        return "z";
    }

    @Override
    public List<Observable> observables() {
        return List.of(new Obs("flux", "counts") {
            @Override
            public double compute(float[] o, Sample s) {
                double f = 0;
                for (float v : o) {
                    f += v;
                }
                return f;
            }

            @Override
            public OptionalDouble uncertainty(Estimate e, Sample s) {
                return OptionalDouble.of(Fit.FLUX_SIGMA);
            }
        }, new Obs("centre", "px") {
            @Override
            public double compute(float[] o, Sample s) {
                double w = 0;
                double m = 0;
                for (int i = 0; i < N; i++) {
                    if (o[i] > 0) {
                        w += o[i];
                        m += o[i] * (i + 0.5);
                    }
                }
                return w > 0 ? m / w : Double.NaN;
            }
        }, new Obs("peak", "counts") {
            @Override
            public double compute(float[] o, Sample s) {
                double p = Double.NEGATIVE_INFINITY;
                for (float v : o) {
                    p = Math.max(p, v);
                }
                return p;
            }
        });
    }

    private abstract static class Obs implements Observable {
        private final String name;
        private final String unit;

        Obs(String name, String unit) {
            this.name = name;
            this.unit = unit;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String unit() {
            return unit;
        }
    }

    /** Runs of consecutive pixels above 3σ; the spurious signal is the output's flux in them. */
    @Override
    public Probes.Detections detect(float[] output, Sample input) {
        int count = 0;
        double flux = 0;
        boolean in = false;
        for (float v : output) {
            if (v > 3) {
                flux += v;
                if (!in) {
                    count++;
                }
                in = true;
            } else {
                in = false;
            }
        }
        return new Probes.Detections(count, flux);
    }

    @Override
    public boolean recovered(float[] output, Sample sample) {
        if (sample.covariate("inj_x").isEmpty() || !sample.hasTarget()) {
            return false;
        }
        double x = sample.covariate("inj_x").getAsDouble();
        float[] t = sample.target().orElseThrow();
        double got = 0;
        double want = 0;
        for (int i = 0; i < N; i++) {
            if (Math.abs(i + 0.5 - x) <= 2) {
                got += output[i];
                want += t[i];
            }
        }
        return Math.abs(got - want) <= 0.3 * want;
    }

    @Override
    public GanArchitecture defaultArchitecture() {
        return GanArchitecture.mlp(new MlpGeneratorSpec(N, 4, N, new int[] {16}),
                new MlpDiscriminatorSpec(N, N, new int[] {16}));
    }

    @Override
    public TrainingConfig defaultTrainingConfig() {
        return new TrainingConfig(1, 32, "bce", 0, 1e-3, 0.5, 0.999, 1, 0.01, 1L);
    }

    @Override
    public InputStream defaultPolicy() {
        InputStream in = ToyDomain.class.getResourceAsStream("toy-policy.yaml");
        return in != null ? in : new ByteArrayInputStream("checks: {}\n".getBytes(StandardCharsets.UTF_8));
    }

    /** The conventional method: a least-squares Gaussian fit of known width. */
    static final class Fit implements ConventionalMethod {
        /** σ of the fitted flux for unit pixel noise: 1/√Σg² with g the unit-flux profile (centre mid-pixel). */
        static final double FLUX_SIGMA;

        static {
            float[] g = gaussian(1, N / 2.0, WIDTH);
            double s = 0;
            for (float v : g) {
                s += v * v;
            }
            FLUX_SIGMA = 1 / Math.sqrt(s);
        }

        @Override
        public String name() {
            return "gaussian-fit";
        }

        @Override
        public Estimate estimate(Sample sample) {
            float[] d = sample.condition();
            double[] coarse = best(d, 2, N - 2, 0.5);
            double[] fine = best(d, Math.max(2, coarse[0] - 0.5), Math.min(N - 2, coarse[0] + 0.5), 0.05);
            return new Estimate(gaussian(fine[1], fine[0], WIDTH), new float[0], fine[2], N - 2, true);
        }

        /** @return {centre, amplitude, chi2} of the best fit on a grid of centres */
        private static double[] best(float[] d, double from, double to, double step) {
            double[] best = {from, 0, Double.POSITIVE_INFINITY};
            for (double c = from; c <= to + 1e-9; c += step) {
                float[] g = gaussian(1, c, WIDTH);
                double gd = 0;
                double gg = 0;
                double dd = 0;
                for (int i = 0; i < N; i++) {
                    gd += g[i] * d[i];
                    gg += g[i] * g[i];
                    dd += d[i] * d[i];
                }
                double a = gd / gg;
                double chi2 = dd - a * gd;
                if (chi2 < best[2]) {
                    best = new double[] {c, a, chi2};
                }
            }
            return best;
        }
    }
}
