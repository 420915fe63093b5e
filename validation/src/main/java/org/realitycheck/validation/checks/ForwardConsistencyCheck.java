package org.realitycheck.validation.checks;

import java.util.List;
import java.util.Map;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Sample;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Chunk;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Params;
import org.realitycheck.validation.SetRequest;

/**
 * {@code consistency.forward-model}: does the output explain the measurement? Every held-out output
 * goes back through the domain's {@link ForwardModel} (re-blur and re-degrade an image, re-project a
 * track onto the layers) and is compared with the measured input: χ²/ndf with the measurement's noise
 * model ({@link ForwardModel#consistency}), ≈ 1 for an output that explains the data to the noise.
 * Far above 1, the output contradicts the data (flux clipped, a track bent the wrong way); far below 1,
 * it fits the noise itself (the input returned unchanged, in a domain where the forward model is close
 * to the identity).
 *
 * <p>Metrics: {@code chi2_ndf_median} over the held-out samples (bootstrap interval);
 * {@code chi2_ndf_fraction_below_cut}, the fraction with χ²/ndf below the parameter {@code cut}
 * (Clopper–Pearson), which carries the per-sample χ²/ndf values so a {@code mostly} threshold can judge
 * them too; the same two for the conventional method ({@code conventional_…}, over the estimates it
 * accepted) as the reference for what the domain's noise model gives a good method; {@code non_finite_count}
 * and {@code non_finite_fraction} of the model's outputs ({@link NonFinite}). Artifact: the log10(χ²/ndf)
 * histograms of both.
 *
 * <p>Passing proves consistency, not truth: a restored image can re-blur exactly to its input and still
 * differ from the sky in the forward operator's null space (Bhadra et al. 2021, IEEE TMI 40, 3249), for
 * instance with invented high-frequency detail. This check is therefore paired with the truth-based
 * checks ({@code residuals.conventional}, {@code rare-objects}).
 */
public final class ForwardConsistencyCheck implements Check {
    public static final String ID = "consistency.forward-model";
    /** log10 floor of the histogram, so that an exact fit (χ² = 0) still shows. */
    private static final double LOG_FLOOR = -6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Forward-model consistency";
    }

    @Override
    public String protectsAgainst() {
        return "Outputs that do not explain the measurement they were made from (consistency alone does not prove "
                + "truth: null-space hallucinations pass it).";
    }

    @Override
    public String headline() {
        return "chi2_ndf_median";
    }

    @Override
    public Map<String, Object> defaultParams() {
        return Map.of("cut", 3.0, "resamples", 300, "bins", 50);
    }

    @Override
    public void validateParams(Params p) {
        if (!(p.getDouble("cut") > 0)) {
            throw new IllegalArgumentException("cut must be > 0, got " + p.getDouble("cut"));
        }
        if (p.getInt("resamples") < 20) {
            throw new IllegalArgumentException("resamples must be >= 20, got " + p.getInt("resamples"));
        }
        if (p.getInt("bins") < 5 || p.getInt("bins") > 200) {
            throw new IllegalArgumentException("bins must be in [5, 200], got " + p.getInt("bins"));
        }
    }

    @Override
    public List<String> metricNames(Domain domain) {
        return List.of("chi2_ndf_median", "chi2_ndf_fraction_below_cut", "conventional_chi2_ndf_median",
                "conventional_chi2_ndf_fraction_below_cut", NonFinite.COUNT, NonFinite.FRACTION);
    }

    @Override
    public List<SetRequest> plan(CheckContext ctx) {
        return List.of(SetRequest.heldOut());
    }

    @Override
    public Accumulator accumulator(CheckContext ctx) {
        return new Acc();
    }

    /**
     * Per held-out sample: the model's and the conventional method's χ²/ndf (NaN where the method rejected
     * the input), by global index; the model's non-finite outputs. Finishing sorts by index and computes as on
     * one array, so split-and-merge gives the same evidence to the last bit.
     */
    private static final class Acc implements Accumulator {
        private static final long serialVersionUID = 1L;
        private final Columns chi = new Columns(2);
        private final NonFinite nonFinite = new NonFinite();

        @Override
        public void add(Chunk c) {
            ForwardModel fm = c.domain().reference().forwardModel();
            for (int i = 0; i < c.size(); i++) {
                Sample s = c.sample(i);
                nonFinite.add(c.index(i), s.id(), c.output(i));
                double m = fm.consistency(c.output(i), s).chi2PerNdf();
                // an output the forward model cannot evaluate explains nothing: it counts as the worst case
                m = Double.isNaN(m) || m > Double.MAX_VALUE ? Double.MAX_VALUE : m;
                Estimate e = c.conventional(i);
                double v = e.valid() ? fm.consistency(e.value(), s).chi2PerNdf() : Double.NaN;
                chi.add(c.index(i), m, v);
            }
        }

        @Override
        public void merge(Accumulator other) {
            Acc o = (Acc) other;
            chi.merge(o.chi);
            nonFinite.merge(o.nonFinite);
        }

        @Override
        public Evidence finish(CheckContext ctx) {
            if (chi.rows() == 0) {
                return Evidence.skipped("the held-out set is empty");
            }
            Columns.Sorted sorted = chi.sorted();
            return evidence(ctx, sorted.column(0), sorted.column(1), nonFinite);
        }
    }

    private static Evidence evidence(CheckContext ctx, double[] chiModel, double[] chiConv, NonFinite nonFinite) {
        Params p = ctx.params();
        int n = chiModel.length;
        double cut = p.getDouble("cut");
        int resamples = p.getInt("resamples");
        String method = ctx.domain().reference().conventionalMethod().name();
        String cutText = org.realitycheck.validation.Judge.fmt(cut);
        Evidence out = Evidence.create();
        out.metric(CheckSupport.median("chi2_ndf_median", chiModel, resamples, ctx.seed(), "", "Median over the " + n
                + " held-out samples of chi2/ndf of the measurement against the forward-modelled model output "
                + "(about 1 when the output explains the data to the noise; 95% bootstrap interval)."));
        int undefined = 0;
        for (double c : chiModel) {
            undefined += c == Double.MAX_VALUE ? 1 : 0;
        }
        if (undefined > 0) {
            out.note(undefined + " of " + n + " model outputs gave an undefined or infinite chi2 (counted as the worst).");
        }
        out.metric(below("chi2_ndf_fraction_below_cut", chiModel, cut, "Fraction of the held-out samples whose model "
                + "output has forward chi2/ndf below " + cutText + " (95% Clopper-Pearson); per-sample chi2/ndf are kept "
                + "for 'mostly' thresholds."), chiModel);
        out.metric(CheckSupport.median("conventional_chi2_ndf_median", chiConv, resamples, ctx.seed(), "",
                "The same median for the conventional method (" + method + "), over the estimates it accepted "
                        + "(95% bootstrap interval)."));
        out.metric(below("conventional_chi2_ndf_fraction_below_cut", chiConv, cut, "Fraction of the conventional "
                + "method's accepted estimates with forward chi2/ndf below " + cutText + " (95% Clopper-Pearson)."));
        int rejected = n - CheckSupport.finite(chiConv).length;
        if (rejected > 0) {
            out.note(method + " rejected " + rejected + " of " + n + " held-out inputs; its metrics cover the others.");
        }
        nonFinite.report(out, "on the held-out set", "their chi2/ndf counts as the worst case");
        CheckSupport.histograms("chi2_ndf", "Forward-model chi2/ndf",
                "log10 of chi2/ndf of the measurement against each forward-modelled output, model and " + method
                        + "; 0 (chi2/ndf = 1) is an output that explains the data to the noise. Values below 1e-6 "
                        + "are shown at -6.", "log10(chi2/ndf)", "", p.getInt("bins"), true,
                CheckSupport.series("model", log(chiModel), method, log(chiConv))).ifPresent(out::artifact);
        out.note("Consistency with the measurement is necessary, not sufficient: an output can re-project onto its "
                + "input and still be wrong in the forward model's null space (Bhadra et al. 2021).");
        return out;
    }

    private static org.realitycheck.validation.Metric below(String name, double[] chi, double cut, String description) {
        int k = 0;
        int n = 0;
        for (double c : chi) {
            if (Double.isNaN(c)) {
                continue;
            }
            n++;
            k += c < cut ? 1 : 0;
        }
        return CheckSupport.rate(name, k, n, description);
    }

    private static double[] log(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Double.isNaN(x[i]) ? Double.NaN : Math.max(LOG_FLOOR, Math.log10(x[i]));
        }
        return y;
    }
}
