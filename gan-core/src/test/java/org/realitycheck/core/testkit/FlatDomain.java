package org.realitycheck.core.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.DomainData;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Reference;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.TrainingRecipe;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;

/**
 * For test doubles only: a {@link Domain} written as one class. Every hook is a method here and the four
 * roles forward to them, so a fixture overrides one hook with one method (a conventional method that
 * rejects, empty inputs of another kind, a deliberately broken contract). Real domains implement each
 * role as a class of its own (see {@link Domain}); this class exists so that small fixtures, and
 * wrappers that forward to a real domain, stay small.
 */
public abstract class FlatDomain implements Domain {
    /** @return the simulation options; default none */
    public Set<String> simulationOptions() {
        return Set.of();
    }

    public abstract SampleSet simulate(int n, long seed, Map<String, String> options);

    public abstract SampleSet load(Path path);

    public SampleSet load(Path path, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("domain '" + name() + "' takes no data options, got " + options.keySet());
        }
        return load(path);
    }

    public abstract void write(SampleSet set, Path folder) throws IOException;

    public void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
        write(simulate(n, seed, options), folder);
    }

    public abstract ConventionalMethod conventionalMethod();

    public List<ConventionalMethod> conventionalMethods() {
        return List.of(conventionalMethod());
    }

    public abstract ForwardModel forwardModel();

    public abstract List<Observable> observables();

    public abstract SampleSet emptyInputs(int n, long seed);

    public abstract SampleSet injections(int n, long seed);

    public abstract Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed);

    public abstract String primaryCovariate();

    public List<String> sweepableCovariates() {
        return List.of(primaryCovariate());
    }

    public abstract Probes.Detections detect(float[] output, Sample input);

    public abstract boolean recovered(float[] output, Sample sample);

    public List<Probes.Tolerance> recoveryTolerances() {
        return List.of(new Probes.Tolerance("fixture", 0, "", "the fixture's own rule"));
    }

    /** @return the data itself; no training options (a non-empty map is rejected) */
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown training options " + options.keySet() + " for domain '"
                    + name() + "'; known options: (none)");
        }
        return data;
    }

    /** @return per-feature standardisation, as {@link TrainingRecipe#normalization}'s default */
    public Normalization normalization(SampleSet trainingSet) {
        return new Normalization(FeatureTransform.Affine.standardize(trainingSet.conditions(0, trainingSet.size())),
                FeatureTransform.Affine.standardize(trainingSet.targets(0, trainingSet.size())));
    }

    public Generator adapt(Generator raw) {
        return raw;
    }

    public abstract GanArchitecture defaultArchitecture();

    public abstract TrainingConfig defaultTrainingConfig();

    public abstract InputStream defaultPolicy();

    @Override
    public DomainData data() {
        return new DomainData() {
            @Override
            public Set<String> simulationOptions() {
                return FlatDomain.this.simulationOptions();
            }

            @Override
            public SampleSet simulate(int n, long seed, Map<String, String> options) {
                return FlatDomain.this.simulate(n, seed, options);
            }

            @Override
            public SampleSet load(Path path, Map<String, String> options) {
                return FlatDomain.this.load(path, options);
            }

            @Override
            public void write(SampleSet set, Path folder) throws IOException {
                FlatDomain.this.write(set, folder);
            }

            @Override
            public void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
                FlatDomain.this.simulateInto(folder, n, seed, options);
            }
        };
    }

    @Override
    public Reference reference() {
        return new Reference() {
            @Override
            public List<ConventionalMethod> conventionalMethods() {
                return FlatDomain.this.conventionalMethods();
            }

            @Override
            public ConventionalMethod conventionalMethod() {
                return FlatDomain.this.conventionalMethod();
            }

            @Override
            public ForwardModel forwardModel() {
                return FlatDomain.this.forwardModel();
            }

            @Override
            public List<Observable> observables() {
                return FlatDomain.this.observables();
            }
        };
    }

    @Override
    public Probes probes() {
        return new Probes() {
            @Override
            public SampleSet emptyInputs(int n, long seed) {
                return FlatDomain.this.emptyInputs(n, seed);
            }

            @Override
            public SampleSet injections(int n, long seed) {
                return FlatDomain.this.injections(n, seed);
            }

            @Override
            public List<String> sweepableCovariates() {
                return FlatDomain.this.sweepableCovariates();
            }

            @Override
            public String primaryCovariate() {
                return FlatDomain.this.primaryCovariate();
            }

            @Override
            public Optional<SampleSet> sweep(String covariate, double min, double max, int n, long seed) {
                return covariateSweep(covariate, min, max, n, seed);
            }

            @Override
            public Detections detect(float[] output, Sample input) {
                return FlatDomain.this.detect(output, input);
            }

            @Override
            public boolean recovered(float[] output, Sample sample) {
                return FlatDomain.this.recovered(output, sample);
            }

            @Override
            public List<Tolerance> recoveryTolerances() {
                return FlatDomain.this.recoveryTolerances();
            }
        };
    }

    @Override
    public TrainingRecipe recipe() {
        return new TrainingRecipe() {
            @Override
            public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
                return FlatDomain.this.trainingSet(data, options);
            }

            @Override
            public Normalization normalization(SampleSet trainingSet) {
                return FlatDomain.this.normalization(trainingSet);
            }

            @Override
            public Generator adapt(Generator raw) {
                return FlatDomain.this.adapt(raw);
            }

            @Override
            public GanArchitecture architecture() {
                return defaultArchitecture();
            }

            @Override
            public TrainingConfig trainingConfig() {
                return defaultTrainingConfig();
            }

            @Override
            public InputStream policy() {
                return defaultPolicy();
            }
        };
    }
}
