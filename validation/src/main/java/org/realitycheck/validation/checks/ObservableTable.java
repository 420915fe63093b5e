package org.realitycheck.validation.checks;

import java.util.List;

import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * The domain's observables computed on one set, for the model's outputs, the conventional method's
 * estimates and the truth: {@code model()[o][i]} is observable {@code o} of sample {@code i}. Values
 * are NaN where an observable is undefined, where the conventional method rejected the input
 * ({@link Estimate#valid()} false), or where a sample has no truth. {@code sigma()[o][i]} is the
 * conventional estimate's uncertainty for pulls, NaN where the observable has none.
 */
public record ObservableTable(List<Observable> observables, double[][] model, double[][] conventional,
        double[][] truth, double[][] sigma) {

    /**
     * @param outputs the model's outputs on {@code set}, in order
     * @param estimates the conventional method's estimates on {@code set}, in order
     */
    public static ObservableTable of(List<Observable> observables, SampleSet set, List<float[]> outputs,
            List<Estimate> estimates) {
        int n = set.size();
        int k = observables.size();
        double[][] m = new double[k][n];
        double[][] c = new double[k][n];
        double[][] t = new double[k][n];
        double[][] s = new double[k][n];
        for (int i = 0; i < n; i++) {
            Sample sample = set.get(i);
            float[] truth = sample.target().orElse(null);
            Estimate e = estimates.get(i);
            for (int o = 0; o < k; o++) {
                Observable obs = observables.get(o);
                m[o][i] = obs.compute(outputs.get(i), sample);
                c[o][i] = e.valid() ? obs.compute(e.value(), sample) : Double.NaN;
                t[o][i] = truth == null ? Double.NaN : obs.compute(truth, sample);
                s[o][i] = e.valid() ? obs.uncertainty(e, sample).orElse(Double.NaN) : Double.NaN;
            }
        }
        return new ObservableTable(List.copyOf(observables), m, c, t, s);
    }

    /** @return the index of an observable by name, or -1 */
    public int index(String name) {
        for (int o = 0; o < observables.size(); o++) {
            if (observables.get(o).name().equals(name)) {
                return o;
            }
        }
        return -1;
    }

    /** @return number of samples */
    public int size() {
        return model.length == 0 ? 0 : model[0].length;
    }
}
