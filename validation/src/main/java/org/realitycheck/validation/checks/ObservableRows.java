package org.realitycheck.validation.checks;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.validation.Chunk;
import org.realitycheck.validation.Evidence;

/**
 * Mergeable per-sample state of the checks that compare observables: for every sample, each observable of the
 * model's output, of the conventional estimate and of the truth, the estimate's uncertainty, whether the method
 * accepted the input, and the named covariates, kept with the sample's global index ({@link Columns}). The
 * model's non-finite outputs are counted ({@link NonFinite}); their observables stay NaN and the statistics
 * leave them out, so the count is what judges them. Holds observable names only: the observables are looked
 * up in each chunk's domain.
 */
final class ObservableRows implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> observables;
    private final List<String> covariates;
    private final Columns rows;
    private final NonFinite nonFinite = new NonFinite();
    private long leftOut;
    private long withoutTruth;

    static ObservableRows of(List<Observable> observables, List<String> covariates) {
        return ofNames(observables.stream().map(Observable::name).toList(), covariates);
    }

    private ObservableRows(List<String> observables, List<String> covariates) {
        this.observables = List.copyOf(observables);
        this.covariates = List.copyOf(covariates);
        this.rows = new Columns(4 * observables.size() + covariates.size() + 1);
    }

    /** @param observables the observables' names */
    static ObservableRows ofNames(List<String> observables, List<String> covariates) {
        return new ObservableRows(observables, covariates);
    }

    void add(Chunk c) {
        List<Observable> obs = lookup(c.domain());
        int k = obs.size();
        double[] row = new double[4 * k + covariates.size() + 1];
        for (int i = 0; i < c.size(); i++) {
            Sample sample = c.sample(i);
            nonFinite.add(c.index(i), sample.id(), c.output(i));
            float[] truth = sample.target().orElse(null);
            withoutTruth += truth == null ? 1 : 0;
            Estimate e = c.conventional(i);
            float[] out = c.output(i);
            for (int o = 0; o < k; o++) {
                Observable ob = obs.get(o);
                row[o] = ob.compute(out, sample);
                row[k + o] = e.valid() ? ob.compute(e.value(), sample) : Double.NaN;
                row[2 * k + o] = truth == null ? Double.NaN : ob.compute(truth, sample);
                row[3 * k + o] = e.valid() ? ob.uncertainty(e, sample).orElse(Double.NaN) : Double.NaN;
            }
            for (int j = 0; j < covariates.size(); j++) {
                row[4 * k + j] = sample.covariate(covariates.get(j)).orElse(Double.NaN);
            }
            row[row.length - 1] = e.valid() ? 1 : 0;
            rows.add(c.index(i), row);
        }
        leftOut += c.leftOut();
    }

    private List<Observable> lookup(Domain domain) {
        List<Observable> all = domain.reference().observables();
        List<Observable> out = new ArrayList<>();
        for (String name : observables) {
            out.add(all.stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the domain has no observable " + name)));
        }
        return out;
    }

    void merge(ObservableRows o) {
        rows.merge(o.rows);
        nonFinite.merge(o.nonFinite);
        leftOut += o.leftOut;
        withoutTruth += o.withoutTruth;
    }

    int size() {
        return rows.rows();
    }

    /** @return how many samples the request's filter left out (e.g. without truth) */
    long leftOut() {
        return leftOut;
    }

    /** @return how many of the kept samples have no truth */
    long withoutTruth() {
        return withoutTruth;
    }

    NonFinite nonFinite() {
        return nonFinite;
    }

    /** Notes, as {@link CheckSupport#withTruth} does, how many samples without truth were left out. */
    void noteLeftOut(Evidence ev) {
        if (leftOut > 0 && size() > 0) {
            ev.note(leftOut + " of " + (leftOut + size()) + " samples have no truth and were left out");
        }
    }

    /**
     * @param observables the observables, in the order this was made with (the caller's domain instances)
     * @return the rows in global-index order
     */
    Table table(List<Observable> observables) {
        Columns.Sorted s = rows.sorted();
        int k = observables.size();
        int n = s.size();
        double[][] m = new double[k][];
        double[][] c = new double[k][];
        double[][] t = new double[k][];
        double[][] u = new double[k][];
        for (int o = 0; o < k; o++) {
            m[o] = s.column(o);
            c[o] = s.column(k + o);
            t[o] = s.column(2 * k + o);
            u[o] = s.column(3 * k + o);
        }
        double[][] cov = new double[covariates.size()][];
        for (int j = 0; j < cov.length; j++) {
            cov[j] = s.column(4 * k + j);
        }
        double[] valid = s.column(4 * k + covariates.size());
        int invalid = 0;
        for (double v : valid) {
            invalid += v == 0 ? 1 : 0;
        }
        return new Table(new ObservableTable(List.copyOf(observables), m, c, t, u), cov, invalid, s.index(), n);
    }

    /**
     * @param observables the observables of every sample
     * @param covariates {@code covariates[j][i]}: covariate {@code j} of sample {@code i} (NaN when absent)
     * @param invalid how many inputs the conventional method rejected
     * @param index the samples' global indices
     * @param size the number of samples
     */
    record Table(ObservableTable observables, double[][] covariates, int invalid, long[] index, int size) {
    }
}
