package org.example.dropin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.DomainData;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Reference;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.TrainingRecipe;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;

/**
 * A third-party domain built outside realitycheck (the plug-in test compiles this file into a jar of its
 * own): a source of unknown level {@code a} seen by four pixels with known response p = (1, 2, 2, 1) and
 * white noise σ = 1, condition x = a·p + noise, target [a]. The conventional method is the least-squares
 * estimate â = p·x / p·p with σ(â) = 1/|p|. It uses gan-core's public API only.
 */
public final class DropInDomain implements Domain {
    static final float[] P = {1, 2, 2, 1};
    static final double NORM2 = 10;
    static final double SIGMA_FIT = 1 / Math.sqrt(NORM2);
    static final long[] COND = {4};
    static final long[] TARGET = {1};

    static final String POLICY = """
            schemaVersion: 1
            domain: dropin
            samples: 300
            checks:
              hallucination.empty-fields:
                params: {fields: 100}
                thresholds:
                  detection_rate_minus_conventional: {upper: 0.5}
              ood.covariate:
                params: {bins: 4, samples_per_bin: 50}
              residuals.conventional: {}
              consistency.forward-model:
                thresholds:
                  chi2_ndf_median: {upper: 100.0}
              rare-objects:
                params: {injections: 100}
              distribution.fidelity: {}
            """;

    private final DomainData data = new Data();
    private final Reference reference = new Ref();
    private final Probes probes = new Prb();
    private final TrainingRecipe recipe = new Recipe();

    @Override
    public String name() {
        return "dropin";
    }

    @Override
    public String describe() {
        return "A plug-in test domain: one level seen by four pixels in white noise.";
    }

    @Override
    public DomainData data() {
        return data;
    }

    @Override
    public Reference reference() {
        return reference;
    }

    @Override
    public Probes probes() {
        return probes;
    }

    @Override
    public TrainingRecipe recipe() {
        return recipe;
    }

    static Sample sample(String id, String kind, double a, SplittableRandom r) {
        float[] x = new float[4];
        for (int i = 0; i < 4; i++) {
            x[i] = (float) (a * P[i] + gauss(r));
        }
        return new Sample(id, kind, x, new float[] {(float) a}, Map.of("level", a));
    }

    static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static SampleSet levels(String kind, int n, long seed, double min, double max) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sample(kind + "-" + i, kind, min + (max - min) * r.nextDouble(), r));
        }
        return new SampleSet(out, COND, TARGET);
    }

    static double fit(float[] x) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s += P[i] * x[i];
        }
        return s / NORM2;
    }

    static final class Data implements DomainData {
        @Override
        public Set<String> simulationOptions() {
            return Set.of();
        }

        @Override
        public SampleSet simulate(int n, long seed, Map<String, String> options) {
            if (!options.isEmpty()) {
                throw new BadInputException("domain 'dropin' takes no options, got " + options.keySet());
            }
            return levels("level", n, seed, 5, 20);
        }

        @Override
        public SampleSet load(Path path, Map<String, String> options) {
            if (!options.isEmpty()) {
                throw new BadInputException("domain 'dropin' takes no data options, got " + options.keySet());
            }
            Path csv = path.resolve("samples.csv");
            List<Sample> out = new ArrayList<>();
            try {
                List<String> lines = Files.readAllLines(csv);
                for (int i = 1; i < lines.size(); i++) {
                    String[] f = lines.get(i).split(",");
                    if (f.length != 7) {
                        throw BadInputException.at(csv, "line " + (i + 1), "expected 7 fields, got " + f.length);
                    }
                    float[] x = new float[4];
                    for (int k = 0; k < 4; k++) {
                        x[k] = Float.parseFloat(f[3 + k]);
                    }
                    double a = Double.parseDouble(f[2]);
                    out.add(new Sample(f[0], f[1], x, new float[] {(float) a}, Map.of("level", a)));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (NumberFormatException e) {
                throw BadInputException.at(csv, "", "not a number: " + e.getMessage());
            }
            return new SampleSet(out, COND, TARGET);
        }

        @Override
        public void write(SampleSet set, Path folder) throws IOException {
            StringBuilder b = new StringBuilder("id,kind,level,x1,x2,x3,x4\n");
            for (Sample s : set) {
                float[] x = s.condition();
                b.append(s.id()).append(',').append(s.kind()).append(',').append(s.target().orElseThrow()[0]);
                for (float v : x) {
                    b.append(',').append(v);
                }
                b.append('\n');
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("samples.csv"), b, StandardCharsets.UTF_8);
        }
    }

    static final class Ref implements Reference {
        @Override
        public List<ConventionalMethod> conventionalMethods() {
            return List.of(new ConventionalMethod() {
                @Override
                public String name() {
                    return "least-squares";
                }

                @Override
                public Estimate estimate(Sample sample) {
                    float[] x = sample.condition();
                    double a = fit(x);
                    double chi2 = 0;
                    for (int i = 0; i < 4; i++) {
                        chi2 += (x[i] - a * P[i]) * (x[i] - a * P[i]);
                    }
                    return new Estimate(new float[] {(float) a}, new float[] {(float) SIGMA_FIT}, chi2, 3, true);
                }
            });
        }

        @Override
        public ForwardModel forwardModel() {
            return new ForwardModel() {
                @Override
                public float[] forward(float[] output, Sample input) {
                    float[] x = new float[4];
                    for (int i = 0; i < 4; i++) {
                        x[i] = output[0] * P[i];
                    }
                    return x;
                }

                @Override
                public Consistency consistency(float[] output, Sample input) {
                    float[] x = input.condition();
                    float[] f = forward(output, input);
                    double chi2 = 0;
                    for (int i = 0; i < 4; i++) {
                        chi2 += (x[i] - f[i]) * (x[i] - f[i]);
                    }
                    return new Consistency(chi2, 3);
                }
            };
        }

        @Override
        public List<Observable> observables() {
            return List.of(new Observable() {
                @Override
                public String name() {
                    return "level";
                }

                @Override
                public String unit() {
                    return "counts";
                }

                @Override
                public double compute(float[] output, Sample sample) {
                    return output[0];
                }

                @Override
                public OptionalDouble uncertainty(Estimate estimate, Sample sample) {
                    return OptionalDouble.of(SIGMA_FIT);
                }
            });
        }
    }

    static final class Prb implements Probes {
        @Override
        public SampleSet emptyInputs(int n, long seed) {
            return levels("empty", n, seed, 0, 0);
        }

        @Override
        public SampleSet injections(int n, long seed) {
            return levels("injected", n, seed, 40, 60);
        }

        @Override
        public List<String> sweepableCovariates() {
            return List.of("level");
        }

        @Override
        public Optional<SampleSet> sweep(String covariate, double min, double max, int n, long seed) {
            return covariate.equals("level") ? Optional.of(levels("level", n, seed, min, max)) : Optional.empty();
        }

        @Override
        public Detections detect(float[] output, Sample input) {
            boolean found = output[0] > 5 * SIGMA_FIT;
            return new Detections(found ? 1 : 0, found ? output[0] : 0);
        }

        @Override
        public boolean recovered(float[] output, Sample sample) {
            float truth = sample.target().orElseThrow()[0];
            return Math.abs(output[0] - truth) <= Math.max(3 * SIGMA_FIT, 0.1 * Math.abs(truth));
        }

        @Override
        public List<Tolerance> recoveryTolerances() {
            return List.of(new Tolerance("level", 0.1, "", "the level within 10% or 3 sigma of the fit"));
        }
    }

    static final class Recipe implements TrainingRecipe {
        @Override
        public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("unknown training options " + options.keySet() + "; known: (none)");
            }
            return data;
        }

        @Override
        public GanArchitecture architecture() {
            return GanArchitecture.mlp(new MlpGeneratorSpec(4, 2, 1, new int[] {16}),
                    new MlpDiscriminatorSpec(4, 1, new int[] {16}));
        }

        @Override
        public TrainingConfig trainingConfig() {
            return new TrainingConfig(2, 64, "bce", 100, 2e-3, 0.5, 0.999, 1, 0.01, 42L);
        }

        @Override
        public InputStream policy() {
            return new ByteArrayInputStream(POLICY.getBytes(StandardCharsets.UTF_8));
        }
    }
}
