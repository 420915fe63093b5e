package org.realitycheck.core.kitcheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.testkit.FlatDomain;

/**
 * The smallest correct domain: the truth is two numbers (a, b), the instrument measures
 * {@code (a, b, a+b, a−b)} with Gaussian noise σ; the conventional method is the least-squares
 * estimate; an "object" is any output value beyond 0.5. Registered through ServiceLoader in the
 * test resources, so it passes {@link org.realitycheck.core.testkit.DomainContractTest}; subclasses
 * break it on purpose. A {@link FlatDomain}: a subclass breaks one hook by overriding one method.
 */
public class ToyDomain extends FlatDomain {
    static final long[] CONDITION = {4};
    static final long[] TARGET = {2};
    static final Set<String> OPTIONS = Set.of("sigma", "a-max");

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public String describe() {
        return "Two numbers measured four ways with Gaussian noise (a test fixture).";
    }

    @Override
    public Set<String> simulationOptions() {
        return OPTIONS;
    }

    /** @return the options, defaults filled in; unknown keys rejected listing the known ones */
    protected double[] options(Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!OPTIONS.contains(k)) {
                throw new IllegalArgumentException("unknown toy option '" + k + "'; known options: "
                        + String.join(", ", new TreeSet<>(OPTIONS)));
            }
        }
        return new double[] {Double.parseDouble(options.getOrDefault("sigma", "0.1")),
            Double.parseDouble(options.getOrDefault("a-max", "1"))};
    }

    static float[] measure(double a, double b) {
        return new float[] {(float) a, (float) b, (float) (a + b), (float) (a - b)};
    }

    protected Sample sample(String id, String kind, double a, double b, double sigma, SplittableRandom r) {
        float[] c = measure(a, b);
        for (int k = 0; k < c.length; k++) {
            c[k] += (float) (sigma * r.nextGaussian());
        }
        Map<String, Double> cov = new LinkedHashMap<>();
        cov.put("a", (double) (float) a);
        cov.put("b", (double) (float) b);
        cov.put("sigma", sigma);
        return new Sample(id, kind, c, new float[] {(float) a, (float) b}, cov);
    }

    protected SampleSet set(List<Sample> samples) {
        return new SampleSet(samples, CONDITION, TARGET);
    }

    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        double[] o = options(options);
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sample("s" + i, "point", r.nextDouble(-o[1], o[1]), r.nextDouble(-1, 1), o[0], r));
        }
        return set(out);
    }

    @Override
    public SampleSet load(Path path) {
        Path csv = path.resolve("samples.csv");
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<Sample> out = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                if (f.length != 2 + 4 + 2 + 3) {
                    throw BadInputException.at(csv, "line " + (i + 1), "expected 11 fields, got " + f.length);
                }
                float[] c = new float[4];
                for (int k = 0; k < 4; k++) {
                    c[k] = Float.parseFloat(f[2 + k]);
                }
                Map<String, Double> cov = new LinkedHashMap<>();
                cov.put("a", Double.parseDouble(f[8]));
                cov.put("b", Double.parseDouble(f[9]));
                cov.put("sigma", Double.parseDouble(f[10]));
                out.add(new Sample(f[0], f[1], c, new float[] {Float.parseFloat(f[6]), Float.parseFloat(f[7])}, cov));
            }
            return set(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(SampleSet set, Path folder) throws IOException {
        Files.createDirectories(folder);
        StringBuilder sb = new StringBuilder("id,kind,c0,c1,c2,c3,a,b,cov_a,cov_b,cov_sigma\n");
        for (Sample s : set) {
            sb.append(s.id()).append(',').append(s.kind());
            for (float v : s.condition()) {
                sb.append(',').append(v);
            }
            for (float v : s.target().orElseThrow()) {
                sb.append(',').append(v);
            }
            for (String k : List.of("a", "b", "sigma")) {
                sb.append(',').append(covariate(s, k));
            }
            sb.append('\n');
        }
        Files.writeString(folder.resolve("samples.csv"), sb.toString(), StandardCharsets.UTF_8);
    }

    protected double covariate(Sample s, String name) {
        return s.covariate(name).orElse(Double.NaN);
    }

    @Override
    public ConventionalMethod conventionalMethod() {
        return new ConventionalMethod() {
            @Override
            public String name() {
                return "least-squares";
            }

            @Override
            public Estimate estimate(Sample sample) {
                float[] c = sample.condition();
                // least squares of (a, b) from (a, b, a+b, a−b): a = (c0 + (c2+c3)/2·2)/3 = (c0 + c2 + c3)/3
                float a = (c[0] + c[2] + c[3]) / 3;
                float b = (c[1] + c[2] - c[3]) / 3;
                return new Estimate(new float[] {a, b}, new float[0], Double.NaN, 2, true);
            }
        };
    }

    /** The noise σ of a sample (the instrument's, carried as a covariate). */
    protected double sigma(Sample s) {
        return s.covariate("sigma").orElse(0.1);
    }

    @Override
    public ForwardModel forwardModel() {
        return new ForwardModel() {
            @Override
            public float[] forward(float[] output, Sample input) {
                return measure(output[0], output[1]);
            }

            @Override
            public Consistency consistency(float[] output, Sample input) {
                float[] f = forward(output, input);
                float[] c = input.condition();
                double chi2 = 0;
                double s = sigma(input);
                for (int k = 0; k < c.length; k++) {
                    chi2 += Math.pow((c[k] - f[k]) / s, 2);
                }
                return new Consistency(chi2, c.length);
            }
        };
    }

    @Override
    public SampleSet emptyInputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sample("e" + i, "empty", 0, 0, 0.1, r));
        }
        return set(out);
    }

    @Override
    public SampleSet injections(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sample("i" + i, "injected", r.nextDouble(5, 6), r.nextDouble(-1, 1), 0.1, r));
        }
        return set(out);
    }

    @Override
    public Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        if (!"a".equals(covariate)) {
            return Optional.empty();
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = n == 1 ? min : min + (max - min) * i / (n - 1);
            out.add(sample("w" + i, "point", a, r.nextDouble(-1, 1), 0.1, r));
        }
        return Optional.of(set(out));
    }

    @Override
    public List<Observable> observables() {
        return List.of(observable("a", 0), observable("b", 1));
    }

    protected static Observable observable(String name, int index) {
        return Observable.of(name, "", (output, sample) -> output[index]);
    }

    @Override
    public Probes.Detections detect(float[] output, Sample input) {
        double signal = 0;
        int count = 0;
        for (float v : output) {
            if (Math.abs(v) > 0.5) {
                count++;
                signal += v;
            }
        }
        return new Probes.Detections(count, signal);
    }

    @Override
    public boolean recovered(float[] output, Sample sample) {
        float[] t = sample.target().orElseThrow();
        return Math.abs(output[0] - t[0]) < 0.3 && Math.abs(output[1] - t[1]) < 0.3;
    }

    @Override
    public GanArchitecture defaultArchitecture() {
        return GanArchitecture.mlp(new MlpGeneratorSpec(4, 2, 2, new int[] {16}),
                new MlpDiscriminatorSpec(4, 2, new int[] {16}));
    }

    @Override
    public TrainingConfig defaultTrainingConfig() {
        return TrainingConfig.defaults();
    }

    @Override
    public InputStream defaultPolicy() {
        return policy(name());
    }

    protected static InputStream policy(String domain) {
        String yaml = String.format(Locale.ROOT, "schemaVersion: 1%ndomain: %s%nchecks:%n  consistency.forward-model:%n"
                + "    enabled: true%n", domain);
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String primaryCovariate() {
        return "a";
    }

    @Override
    public List<Probes.Tolerance> recoveryTolerances() {
        return List.of(new Probes.Tolerance("a", 0.3, "", "|output a - true a|"),
                new Probes.Tolerance("b", 0.3, "", "|output b - true b|"));
    }

    /** The data itself; no training options. */
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown toy training options " + options.keySet() + "; known options: (none)");
        }
        return data;
    }
}
