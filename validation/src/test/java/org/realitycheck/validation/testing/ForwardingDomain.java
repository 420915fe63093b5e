package org.realitycheck.validation.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.testkit.FlatDomain;
import org.realitycheck.core.TrainingConfig;

/**
 * A {@link Domain} that forwards every hook to another one's roles ({@link FlatDomain}); tests override single hooks (empty inputs
 * of another kind, a conventional method that rejects) to show what a check does with them.
 */
public class ForwardingDomain extends FlatDomain {
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
        return d.data().simulate(n, seed, options);
    }

    @Override
    public Set<String> simulationOptions() {
        return d.data().simulationOptions();
    }

    @Override
    public SampleSet load(Path path) {
        return d.data().load(path);
    }

    @Override
    public SampleSet load(Path path, Map<String, String> options) {
        return d.data().load(path, options);
    }

    @Override
    public void write(SampleSet set, Path folder) throws IOException {
        d.data().write(set, folder);
    }

    @Override
    public void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
        d.data().simulateInto(folder, n, seed, options);
    }

    @Override
    public ConventionalMethod conventionalMethod() {
        return d.reference().conventionalMethod();
    }

    @Override
    public List<ConventionalMethod> conventionalMethods() {
        return d.reference().conventionalMethods();
    }

    @Override
    public ForwardModel forwardModel() {
        return d.reference().forwardModel();
    }

    @Override
    public SampleSet emptyInputs(int n, long seed) {
        return d.probes().emptyInputs(n, seed);
    }

    @Override
    public SampleSet injections(int n, long seed) {
        return d.probes().injections(n, seed);
    }

    @Override
    public Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        return d.probes().sweep(covariate, min, max, n, seed);
    }

    @Override
    public String primaryCovariate() {
        return d.probes().primaryCovariate();
    }

    @Override
    public List<String> sweepableCovariates() {
        return d.probes().sweepableCovariates();
    }

    @Override
    public List<Probes.Tolerance> recoveryTolerances() {
        return d.probes().recoveryTolerances();
    }

    @Override
    public List<Observable> observables() {
        return d.reference().observables();
    }

    @Override
    public Probes.Detections detect(float[] output, Sample input) {
        return d.probes().detect(output, input);
    }

    @Override
    public boolean recovered(float[] output, Sample sample) {
        return d.probes().recovered(output, sample);
    }

    @Override
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        return d.recipe().trainingSet(data, options);
    }

    @Override
    public Normalization normalization(SampleSet trainingSet) {
        return d.recipe().normalization(trainingSet);
    }

    @Override
    public Generator adapt(Generator raw) {
        return d.recipe().adapt(raw);
    }

    @Override
    public GanArchitecture defaultArchitecture() {
        return d.recipe().architecture();
    }

    @Override
    public TrainingConfig defaultTrainingConfig() {
        return d.recipe().trainingConfig();
    }

    @Override
    public InputStream defaultPolicy() {
        return d.recipe().policy();
    }
}
