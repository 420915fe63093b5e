package org.realitycheck.validation.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.TrainingConfig;

/**
 * A {@link Domain} that forwards every call to another one; tests override single hooks (empty inputs
 * of another kind, a conventional method that rejects) to show what a check does with them.
 */
public class ForwardingDomain implements Domain {
    private final Domain d;

    public ForwardingDomain(Domain delegate) {
        this.d = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String name() {
        return d.name();
    }

    @Override
    public String describe() {
        return d.describe();
    }

    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        return d.simulate(n, seed, options);
    }

    @Override
    public SampleSet load(Path path) {
        return d.load(path);
    }

    @Override
    public void write(SampleSet set, Path folder) throws IOException {
        d.write(set, folder);
    }

    @Override
    public void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
        d.simulateInto(folder, n, seed, options);
    }

    @Override
    public ConventionalMethod conventionalMethod() {
        return d.conventionalMethod();
    }

    @Override
    public ForwardModel forwardModel() {
        return d.forwardModel();
    }

    @Override
    public SampleSet emptyInputs(int n, long seed) {
        return d.emptyInputs(n, seed);
    }

    @Override
    public SampleSet injections(int n, long seed) {
        return d.injections(n, seed);
    }

    @Override
    public Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        return d.covariateSweep(covariate, min, max, n, seed);
    }

    @Override
    public String primaryCovariate() {
        return d.primaryCovariate();
    }

    @Override
    public List<Observable> observables() {
        return d.observables();
    }

    @Override
    public Detections detect(float[] output, Sample input) {
        return d.detect(output, input);
    }

    @Override
    public boolean recovered(float[] output, Sample sample) {
        return d.recovered(output, sample);
    }

    @Override
    public SampleSet trainingSet(SampleSet data) {
        return d.trainingSet(data);
    }

    @Override
    public Normalization normalization(SampleSet trainingSet) {
        return d.normalization(trainingSet);
    }

    @Override
    public Generator adapt(Generator raw) {
        return d.adapt(raw);
    }

    @Override
    public GanArchitecture defaultArchitecture() {
        return d.defaultArchitecture();
    }

    @Override
    public TrainingConfig defaultTrainingConfig() {
        return d.defaultTrainingConfig();
    }

    @Override
    public InputStream defaultPolicy() {
        return d.defaultPolicy();
    }
}
