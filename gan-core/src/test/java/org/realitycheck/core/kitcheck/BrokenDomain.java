package org.realitycheck.core.kitcheck;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;

/**
 * {@link ToyDomain} with one defect per contract the kit checks; {@link ContractKitTest} asserts that
 * the kit fails each of them. Not registered through ServiceLoader.
 */
public final class BrokenDomain extends ToyDomain {
    private static final AtomicLong CALLS = new AtomicLong();

    /** Upper case and unregistered. */
    @Override
    public String name() {
        return "Broken";
    }

    /** Draws from a counter besides the seed (as a clock would), and ignores unknown options. */
    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        return super.simulate(n, seed + CALLS.getAndIncrement(), Map.of());
    }

    /** One value short: another condition shape. */
    @Override
    public SampleSet emptyInputs(int n, long seed) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : super.emptyInputs(n, seed)) {
            float[] c = java.util.Arrays.copyOf(s.condition(), 3);
            out.add(new Sample(s.id(), s.kind(), c, s.target().orElseThrow(), s.covariates()));
        }
        return new SampleSet(out, new long[] {3}, TARGET);
    }

    /** Sweeps [0, 1] whatever range is asked. */
    @Override
    public Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        return super.covariateSweep(covariate, 0, 1, n, seed);
    }

    /** Loses the covariate {@code b} on the way to disk. */
    @Override
    protected double covariate(Sample s, String name) {
        return "b".equals(name) ? 0 : super.covariate(s, name);
    }

    /** The primary method reads the truth, and its estimateAll returns the estimates in reverse order. */
    @Override
    public ConventionalMethod conventionalMethod() {
        return peeker();
    }

    private static ConventionalMethod peeker() {
        return new ConventionalMethod() {
            @Override
            public String name() {
                return "peeks at truth";
            }

            @Override
            public Estimate estimate(Sample sample) {
                float[] t = sample.target().orElse(new float[2]);
                return new Estimate(t, new float[0], Double.NaN, 2, true);
            }

            @Override
            public List<Estimate> estimateAll(SampleSet set) {
                List<Estimate> out = new ArrayList<>(ConventionalMethod.super.estimateAll(set));
                java.util.Collections.reverse(out);
                return out;
            }
        };
    }

    /** Understates the noise by 2, so the truth's χ²/ndf is 4. */
    @Override
    protected double sigma(Sample s) {
        return super.sigma(s) / 2;
    }

    /** A tolerance nothing meets. */
    @Override
    public boolean recovered(float[] output, Sample sample) {
        return false;
    }

    /** Finds a source on every input, blank or not. */
    @Override
    public Probes.Detections detect(float[] output, Sample input) {
        return new Probes.Detections(1, 0.0);
    }

    /** A duplicated name, and an observable that writes into the output it reads. */
    @Override
    public List<Observable> observables() {
        Observable scribbler = new Observable() {
            @Override
            public String name() {
                return "a";
            }

            @Override
            public String unit() {
                return "";
            }

            @Override
            public double compute(float[] output, Sample sample) {
                output[0] += 1;
                return output[0];
            }
        };
        return List.of(observable("a", 0), scribbler);
    }

    /** Sized for three condition values, not four. */
    @Override
    public GanArchitecture defaultArchitecture() {
        return GanArchitecture.mlp(new MlpGeneratorSpec(3, 2, 2, new int[] {16}),
                new MlpDiscriminatorSpec(3, 2, new int[] {16}));
    }

    /** Another domain's policy. */
    @Override
    public InputStream defaultPolicy() {
        return policy("toy");
    }

    /** Drops the targets: nothing to train on. */
    @Override
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : data) {
            out.add(new Sample(s.id(), s.kind(), s.condition(), null, s.covariates()));
        }
        return new SampleSet(out, CONDITION, TARGET);
    }

    /** Two tolerances of one name, one without a meaning. */
    @Override
    public List<Probes.Tolerance> recoveryTolerances() {
        return List.of(new Probes.Tolerance("a", 0.3, "", "|output a - true a|"), new Probes.Tolerance("a", 0.3, "", ""));
    }

    /** The same method twice: the primary one and again under its name. */
    @Override
    public List<ConventionalMethod> conventionalMethods() {
        return List.of(peeker(), peeker());
    }
}
