package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.realitycheck.core.Observable;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Seeds;

/**
 * {@code ood.covariate}'s per-observable quality across the sweep bins: bias (relative where the observable is
 * resolved away from zero), resolution, their ratios to the conventional method, and the degradation against
 * the in-distribution bins; the judged worst bins carry every bin's value and interval as cases.
 */
final class OodObservable {
    private static final double RESOLVED = 10;

    private OodObservable() {
    }

    /** Per-bin quality of one observable; reports the judged and the outside metrics and the curves. */
    static void measure(CheckContext ctx, Evidence ev, String prefix, String cov, CovariateBins bins,
            boolean log, List<ObservableTable> tables, int o, boolean[] inTrain, boolean[] inApp) {
        Observable obs = tables.get(0).observables().get(o);
        String name = obs.name();
        int nb = bins.size();
        int resamples = ctx.params().getInt("bootstrap_resamples");
        // residuals per bin
        double[][] rm = new double[nb][];
        double[][] rc = new double[nb][];
        double[][] tv = new double[nb][];
        for (int k = 0; k < nb; k++) {
            ObservableTable t = tables.get(k);
            int[] rows = Robust.finiteRows(t.model()[o], t.conventional()[o], t.truth()[o]);
            if (relativeCandidate(t, o)) {
                rows = java.util.Arrays.stream(rows).filter(i -> t.truth()[o][i] != 0).toArray();
            }
            rm[k] = new double[rows.length];
            rc[k] = new double[rows.length];
            tv[k] = new double[rows.length];
            for (int j = 0; j < rows.length; j++) {
                int i = rows[j];
                rm[k][j] = obs.residual(t.model()[o][i], t.truth()[o][i]);
                rc[k][j] = obs.residual(t.conventional()[o][i], t.truth()[o][i]);
                tv[k][j] = t.truth()[o][i];
            }
        }
        // relative bias where the observable is resolved away from zero in the in-distribution bins
        List<Double> idT = new ArrayList<>();
        List<Double> idRc = new ArrayList<>();
        List<Double> idRm = new ArrayList<>();
        for (int k = 0; k < nb; k++) {
            if (inTrain[k]) {
                for (int j = 0; j < rc[k].length; j++) {
                    idT.add(Math.abs(tv[k][j]));
                    idRc.add(rc[k][j]);
                    idRm.add(rm[k][j]);
                }
            }
        }
        double idSigmaC = idRc.size() >= 2 ? Robust.width(BinnedResiduals.toArray(idRc)) : Double.NaN;
        double idSigmaM = idRm.size() >= 2 ? Robust.width(BinnedResiduals.toArray(idRm)) : Double.NaN;
        boolean relative = idT.size() >= 2 && Robust.median(BinnedResiduals.toArray(idT)) >= RESOLVED * idSigmaC;
        double idRatio = idSigmaC > 0 ? idSigmaM / idSigmaC : Double.NaN;
        if (Double.isFinite(idRatio)) {
            ev.metric(Metric.of(prefix + name + ".in_distribution_resolution_ratio", idRatio, "",
                    "Model/conventional resolution ratio over the sweep bins inside the training range of " + cov + "."));
        }
        double[][] v = new double[6][nb];
        double[][] lo = new double[6][nb];
        double[][] hi = new double[6][nb];
        for (double[][] a : new double[][][] {v, lo, hi}) {
            for (double[] r : a) {
                java.util.Arrays.fill(r, Double.NaN);
            }
        }
        for (int k = 0; k < nb; k++) {
            int n = rm[k].length;
            if (n < BinnedResiduals.MIN_PER_BIN) {
                continue;
            }
            double[] m = rm[k];
            double[] c = rc[k];
            double[] xm = relative ? divide(m, tv[k]) : m;
            double[] xc = relative ? divide(c, tv[k]) : c;
            double[] a = new double[n];
            java.util.function.Function<int[], double[]> stats = idx -> {
                double bm = Robust.median(xm, idx, a);
                double bc = Robust.median(xc, idx, a);
                double wm = Robust.width(m, idx, a);
                double wc = Robust.width(c, idx, a);
                if (!relative) {
                    bm /= wc;
                    bc /= wc;
                }
                return new double[] {bm, bc, wm, wc, wm / wc, Math.abs(bm) - Math.abs(bc)};
            };
            double[] est = stats.apply(Robust.identity(n));
            Robust.Ci[] ci = Robust.ci(n, stats, est, resamples, Seeds.derive(ctx.seed(), prefix + name + ":" + k));
            for (int s = 0; s < 6; s++) {
                v[s][k] = est[s];
                lo[s][k] = ci[s].low();
                hi[s][k] = ci[s].high();
            }
        }
        // degradation: the bin's resolution ratio over the in-distribution one, or over 1 when the model was
        // better than the method in training (a model is not asked to stay better than the method)
        double ref = Math.max(idRatio, 1);
        double[] d = new double[nb];
        double[] dLo = new double[nb];
        double[] dHi = new double[nb];
        for (int k = 0; k < nb; k++) {
            d[k] = v[4][k] / ref;
            dLo[k] = lo[4][k] / ref;
            dHi[k] = hi[4][k] / ref;
        }
        String biasKind = relative ? "the median relative residual (estimate − truth)/truth"
                : "the median residual over the bin's conventional resolution";
        String unitless = "";
        BinnedResiduals.worst(ev, prefix + name + ".worst_bias_in_application_range", v[0], lo[0], hi[0], inApp, true, true,
                "Model bias in the application-range bin where it is largest in magnitude: " + biasKind + ", 95% "
                        + "bootstrap CI; per-bin values as cases.", unitless);
        BinnedResiduals.worst(ev, prefix + name + ".worst_bias_excess_in_application_range", v[5], lo[5], hi[5], inApp, true, false,
                "|model bias| − |conventional bias| (" + biasKind + ") in the application-range bin where it is "
                        + "largest, 95% paired bootstrap CI; 0 for the conventional method itself.", unitless);
        BinnedResiduals.worst(ev, prefix + name + ".worst_resolution_ratio_in_application_range", v[4], lo[4], hi[4], inApp, true,
                false, "Largest model/conventional resolution ratio (MAD·1.4826 of the residuals) over the "
                        + "application-range bins, 95% paired bootstrap CI.", unitless);
        // degradation is judged on the application-range bins beyond the training range: the bins inside it
        // are the reference itself
        boolean[] beyond = new boolean[nb];
        boolean anyBeyond = false;
        for (int k = 0; k < nb; k++) {
            beyond[k] = inApp[k] && !inTrain[k];
            anyBeyond |= beyond[k] && Double.isFinite(d[k]);
        }
        if (Double.isFinite(idRatio) && !anyBeyond) {
            ev.metric(Metric.of(prefix + name + ".degradation_ratio_in_application_range", 1, 1, 1, unitless,
                    "Degradation ratio over the application-range bins beyond the training range: there are none (the "
                            + "application range lies inside the training range), so 1 by definition."), new double[] {1});
        } else if (Double.isFinite(idRatio)) {
            BinnedResiduals.worst(ev, prefix + name + ".degradation_ratio_in_application_range", d, dLo, dHi, beyond, true, false,
                    "Largest degradation ratio over the application-range bins beyond the training range: the bin's "
                            + "model/conventional resolution "
                            + "ratio over the in-distribution one, or over 1 when that is below 1 (" + Judge.fmt(ref)
                            + ", taken as exact), 95% CI.", unitless);
        }
        BinnedResiduals.worst(ev, prefix + "outside." + name + ".worst_bias", v[0], lo[0], hi[0], inApp, false, true,
                "As worst_bias_in_application_range, over the bins beyond the application range (not judged).", unitless);
        BinnedResiduals.worst(ev, prefix + "outside." + name + ".worst_bias_excess", v[5], lo[5], hi[5], inApp, false, false,
                "As worst_bias_excess_in_application_range, over the bins beyond the application range (not judged).",
                unitless);
        BinnedResiduals.worst(ev, prefix + "outside." + name + ".worst_resolution_ratio", v[4], lo[4], hi[4], inApp, false, false,
                "As worst_resolution_ratio_in_application_range, beyond the application range (not judged).", unitless);
        if (Double.isFinite(idRatio)) {
            BinnedResiduals.worst(ev, prefix + "outside." + name + ".degradation_ratio", d, dLo, dHi, inApp, false, false,
                    "As degradation_ratio_in_application_range, beyond the application range (not judged).", unitless);
        }
        double[] xc = bins.centres();
        List<Artifact.Band> bands = Artifacts.bands(ctx, cov);
        String yBias = relative ? "relative bias of " + name : "bias of " + name + " / conventional resolution";
        ev.artifact(new Artifact.Curves(prefix + "bias_vs_" + cov + "." + name, name + ": bias against " + cov, biasKind
                + " per bin with 95% bootstrap CIs, model and conventional method; shaded: the training and the "
                + "application range.", cov, Artifacts.covariateUnit(ctx, cov), yBias, "", log,
                List.of(Artifacts.curve("model", xc, v[0], lo[0], hi[0]), Artifacts.curve("conventional", xc, v[1],
                        lo[1], hi[1])), bands));
        ev.artifact(new Artifact.Curves(prefix + "resolution_vs_" + cov + "." + name, name + ": resolution against "
                + cov, "MAD·1.4826 of estimate − truth per bin with 95% bootstrap CIs; shaded: the training and the "
                + "application range.", cov, Artifacts.covariateUnit(ctx, cov), "resolution of " + name, obs.unit(), log,
                List.of(Artifacts.curve("model", xc, v[2], lo[2], hi[2]), Artifacts.curve("conventional", xc, v[3],
                        lo[3], hi[3])), bands));
    }

    /** The degradation headline: the largest degradation ratio over the observables. */
    static void degradationHeadline(Evidence ev, String prefix, List<Observable> observables) {
        Metric worst = null;
        for (Observable o : observables) {
            Optional<Metric> m = ev.metric(prefix + o.name() + ".degradation_ratio_in_application_range");
            if (m.isPresent() && Double.isFinite(m.get().value()) && (worst == null || m.get().value() > worst.value())) {
                worst = m.get();
            }
        }
        if (worst != null) {
            ev.metric(new Metric(prefix + "degradation_ratio_in_application_range", worst.value(), worst.low(),
                    worst.high(), "", "The largest degradation ratio over the observables (" + worst.name() + ")."));
        }
    }

    private static double[] divide(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
        return out;
    }

    /**
     * Whether rows with a zero truth are left out of this observable's bins: only for observables that are
     * mostly non-zero (then relative residuals may be used and a zero truth is an exception, e.g. a galaxy
     * too faint to detect).
     */
    private static boolean relativeCandidate(ObservableTable t, int o) {
        int zero = 0;
        for (double v : t.truth()[o]) {
            zero += v == 0 ? 1 : 0;
        }
        return zero * 10 < t.size();
    }

}
