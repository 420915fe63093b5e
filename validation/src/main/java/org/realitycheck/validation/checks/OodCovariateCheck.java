package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Range;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Params;
import org.realitycheck.validation.Seeds;
import org.realitycheck.validation.stats.ClassifierTest;
import org.realitycheck.validation.stats.Interval;
import org.realitycheck.validation.stats.Mahalanobis;
import org.realitycheck.validation.stats.Roc;
import org.realitycheck.validation.stats.RobustWidth;

/**
 * {@code ood.covariate}: does the model fail silently outside the covariate range it was trained on? The
 * domain's {@link org.realitycheck.core.Probes#sweep} fills bins of the covariate across and beyond the card's
 * training range (and the policy's application range); each bin gets {@code samples_per_bin} samples of
 * its own, and bin edges are placed on the training and application range ends so that no bin straddles
 * one. Per bin, for the model and the conventional method, per observable:
 * <ul>
 *   <li>bias: the median relative residual (estimate − truth)/truth when the observable is resolved away
 *       from zero (median |truth| at least 10 conventional resolutions in the in-distribution bins: fluxes,
 *       q/p_T), else the median residual over the bin's conventional resolution; and the bias excess
 *       |bias_model| − |bias_conventional|;</li>
 *   <li>resolution: MAD·1.4826 of the residuals, and the ratio model/conventional;</li>
 *   <li>the degradation ratio: the bin's resolution ratio over the in-distribution one (bins inside the
 *       training range pooled), or over 1 when the model was better than the method in training (it is
 *       not asked to stay better than the method): 1 when the model keeps, relative to the method, the
 *       quality it had where it was trained;</li>
 *   <li>PSNR (optional): 10·log10(range²/MSE) per sample against the truth, range = max − min of the
 *       truth, averaged per bin; and the model's advantage over the conventional method in dB.</li>
 * </ul>
 * Photometry, not only image similarity: a model can keep beating the conventional method in PSNR while
 * losing most of a faint galaxy's light (issue 10's measurement), so the bias is judged per observable.
 *
 * <p>The judged metrics take the worst bin inside the application range ({@code ..._in_application_range},
 * with the per-bin values as cases for {@code mostly}); bins beyond it are reported under the prefix
 * {@code outside.}, which the shipped thresholds do not match: shown, not judged. Extra covariates
 * ({@code extra_covariates}, e.g. η for tracks) get the same metrics prefixed with their name; their sweeps
 * draw the other covariates from the domain's default priors ({@link org.realitycheck.core.Probes#sweep}), not from
 * their application ranges.
 *
 * <p>An input-space out-of-distribution score: the Mahalanobis distance of summary features of the
 * condition (mean, standard deviation, 5/50/95% quantiles and maximum of its values) to the in-training
 * samples (fitted on half of them), with the AUROC of samples beyond the application range (else
 * beyond the training range) against the other half; Hanley–McNeil CI; informational.
 *
 * <p>Intervals are 95% seeded bootstraps within each bin (paired for ratios and excesses).
 */
public final class OodCovariateCheck implements Check {
    public static final String ID = "ood.covariate";
    static final List<String> OBS_SUFFIXES = List.of("worst_bias_in_application_range",
            "worst_bias_excess_in_application_range", "worst_resolution_ratio_in_application_range",
            "degradation_ratio_in_application_range", "in_distribution_resolution_ratio");
    static final List<String> OUTSIDE_SUFFIXES = List.of("worst_bias", "worst_bias_excess", "worst_resolution_ratio",
            "degradation_ratio");
    private static final double RESOLVED = 10;
    private static final String[] FEATURES = {"mean", "std", "q05", "q50", "q95", "max"};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Out-of-distribution covariate sweep";
    }

    @Override
    public String protectsAgainst() {
        return "Silent failure outside the training distribution, e.g. at another redshift or momentum than the model "
                + "was trained on.";
    }

    @Override
    public String headline() {
        return "degradation_ratio_in_application_range";
    }

    @Override
    public Map<String, Object> defaultParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("covariate", "");
        p.put("extra_covariates", List.of());
        p.put("sweep_min", Double.NaN);
        p.put("sweep_max", Double.NaN);
        p.put("extend", 0.5);
        p.put("bins", 10);
        p.put("samples_per_bin", 100);
        p.put("log_scale", false);
        p.put("observables", List.of());
        p.put("psnr", true);
        p.put("bootstrap_resamples", 200);
        return p;
    }

    @Override
    public void validateParams(Params p) {
        if (p.getInt("bins") < 1 || p.getInt("bins") > 50) {
            throw new IllegalArgumentException("bins must be in [1, 50], got " + p.getInt("bins"));
        }
        if (p.getInt("samples_per_bin") < 10) {
            throw new IllegalArgumentException("samples_per_bin must be >= 10, got " + p.getInt("samples_per_bin"));
        }
        if (!(p.getDouble("extend") >= 0)) {
            throw new IllegalArgumentException("extend must be >= 0, got " + p.getDouble("extend"));
        }
        double lo = p.getDouble("sweep_min");
        double hi = p.getDouble("sweep_max");
        if (!Double.isNaN(lo) && !Double.isNaN(hi) && !(hi > lo)) {
            throw new IllegalArgumentException("sweep_max must be > sweep_min, got [" + lo + ", " + hi + "]");
        }
        if (p.getBoolean("log_scale") && !Double.isNaN(lo) && !(lo > 0)) {
            throw new IllegalArgumentException("a log-scale sweep needs sweep_min > 0, got " + lo);
        }
        if (p.getInt("bootstrap_resamples") < 20) {
            throw new IllegalArgumentException("bootstrap_resamples must be >= 20, got " + p.getInt("bootstrap_resamples"));
        }
    }

    @Override
    public List<String> metricNames(Domain domain) {
        List<String> out = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(List.of(""));
        prefixes.add("*.");
        for (String pre : prefixes) {
            out.add(pre + "degradation_ratio_in_application_range");
            out.add(pre + "worst_psnr_advantage_in_application_range");
            out.add(pre + "psnr_in_distribution");
            out.add(pre + "bins_in_application_range");
            out.add(pre + "bins_in_training_range");
            out.add(pre + "bins_outside_application_range");
            out.add(pre + "ood_score_auroc");
            out.add(pre + "data_outside_training_range");
            out.add(pre + "outside.worst_psnr_advantage");
            for (Observable o : domain.reference().observables()) {
                for (String s : OBS_SUFFIXES) {
                    out.add(pre + o.name() + "." + s);
                }
                for (String s : OUTSIDE_SUFFIXES) {
                    out.add(pre + "outside." + o.name() + "." + s);
                }
            }
        }
        return out;
    }

    @Override
    public Evidence measure(CheckContext ctx) {
        Params p = ctx.params();
        String primary = p.getString("covariate").isBlank() ? ctx.domain().probes().primaryCovariate() : p.getString("covariate");
        Evidence ev = Evidence.create();
        if (ctx.trainingRange(primary).isEmpty()) {
            return Evidence.skipped("the model card records no training range for '" + primary
                    + "', so in- and out-of-distribution cannot be told apart");
        }
        List<String> covariates = new ArrayList<>();
        covariates.add(primary);
        covariates.addAll(p.getStrings("extra_covariates"));
        boolean any = false;
        for (String cov : covariates) {
            boolean isPrimary = cov.equals(primary);
            if (ctx.trainingRange(cov).isEmpty()) {
                ev.note("covariate '" + cov + "': the model card records no training range; not swept");
                continue;
            }
            any |= sweep(ctx, ev, cov, isPrimary ? "" : cov + ".", isPrimary);
        }
        if (!any) {
            return Evidence.skipped("the domain cannot sweep covariate '" + primary + "'");
        }
        if (!ctx.evaluations().simulated()) {
            for (String cov : covariates) {
                ctx.trainingRange(cov).ifPresent(r -> dataCoverage(ctx, ev, cov, cov.equals(primary) ? "" : cov + ".", r));
            }
        }
        return ev;
    }

    /** Sweeps one covariate; false when the domain cannot sweep it. */
    private boolean sweep(CheckContext ctx, Evidence ev, String cov, String prefix, boolean primary) {
        Params p = ctx.params();
        Range train = ctx.trainingRange(cov).orElseThrow();
        Range app = ctx.applicationRange(cov).orElse(train);
        boolean log = primary && p.getBoolean("log_scale");
        double[] range = sweepRange(p, train, app, log, primary);
        if (log && !(range[0] > 0)) {
            ev.note(cov + ": the sweep reaches " + Judge.fmt(range[0]) + ", so it is binned linearly, not in log");
            log = false;
        }
        CovariateBins bins = CovariateBins.withBoundaries(range[0], range[1], p.getInt("bins"), log, app.min(),
                app.max(), train.min(), train.max());
        int perBin = p.getInt("samples_per_bin");
        List<Observable> observables = Selection.observables(ctx.domain(), p.getStrings("observables"));
        int nb = bins.size();
        List<SampleSet> sets = new ArrayList<>();
        List<ObservableTable> tables = new ArrayList<>();
        List<List<float[]>> outputs = new ArrayList<>();
        for (int k = 0; k < nb; k++) {
            Optional<SampleSet> s = ctx.evaluations().sweep(cov, bins.low(k), bins.high(k), perBin);
            if (s.isEmpty()) {
                ev.note("the domain cannot sweep covariate '" + cov + "'");
                return false;
            }
            SampleSet set = s.get();
            if (!set.allHaveTargets()) {
                return skipNoTruth(ev, cov);
            }
            List<float[]> out = ctx.evaluations().model(set);
            List<Estimate> est = ctx.evaluations().conventional(set);
            sets.add(set);
            outputs.add(out);
            tables.add(ObservableTable.of(observables, set, out, est));
        }
        boolean[] inTrain = new boolean[nb];
        boolean[] inApp = new boolean[nb];
        int nTrain = 0;
        int nApp = 0;
        for (int k = 0; k < nb; k++) {
            inTrain[k] = train.contains(bins.centre(k));
            inApp[k] = app.contains(bins.centre(k));
            nTrain += inTrain[k] ? 1 : 0;
            nApp += inApp[k] ? 1 : 0;
        }
        String where = cov + " in [" + Judge.fmt(range[0]) + ", " + Judge.fmt(range[1]) + "], " + nb + " bins of "
                + perBin + " samples; training range [" + Judge.fmt(train.min()) + ", " + Judge.fmt(train.max())
                + "], application range [" + Judge.fmt(app.min()) + ", " + Judge.fmt(app.max()) + "]";
        ev.note("sweep: " + where + (primary ? "" : "; the other covariates follow the domain's default priors, "
                + "not their application ranges"));
        ev.metric(Metric.of(prefix + "bins_in_application_range", nApp, "",
                "Sweep bins whose centre lies in the application range of " + cov + " (judged)."));
        ev.metric(Metric.of(prefix + "bins_in_training_range", nTrain, "",
                "Sweep bins whose centre lies in the training range of " + cov + " (the in-distribution reference)."));
        ev.metric(Metric.of(prefix + "bins_outside_application_range", nb - nApp, "",
                "Sweep bins beyond the application range of " + cov + " (shown under outside., not judged)."));
        if (nTrain == 0) {
            ev.note(cov + ": no sweep bin lies inside the training range; degradation ratios are not defined");
        }
        final boolean logScale = log;
        ctx.evaluations().timed("statistics", () -> {
            for (int o = 0; o < observables.size(); o++) {
                observable(ctx, ev, prefix, cov, bins, logScale, tables, o, inTrain, inApp);
            }
            if (p.getBoolean("psnr")) {
                psnr(ctx, ev, prefix, cov, bins, logScale, sets, outputs, inTrain, inApp);
            }
            oodScore(ctx, ev, prefix, cov, sets, inTrain, inApp);
            return null;
        });
        degradationHeadline(ev, prefix, observables);
        table(ev, prefix, cov, bins, sets, inTrain, inApp);
        return true;
    }

    /**
     * Where the user's own samples lie against the card's training range (needs no truth): the fraction
     * beyond it, Clopper–Pearson, shown and not judged by the shipped policies.
     */
    private static void dataCoverage(CheckContext ctx, Evidence ev, String cov, String prefix, Range train) {
        int n = 0;
        int out = 0;
        for (var s : ctx.data()) {
            var v = s.covariate(cov);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                n++;
                out += train.contains(v.getAsDouble()) ? 0 : 1;
            }
        }
        if (n == 0) {
            ev.note("the data carries no '" + cov + "': its samples cannot be placed against the training range");
            return;
        }
        ev.metric(CheckSupport.rate(prefix + "data_outside_training_range", out, n, "Fraction of the data's " + n
                + " samples with " + cov + " outside the model's training range [" + Judge.fmt(train.min()) + ", "
                + Judge.fmt(train.max()) + "] (95% Clopper-Pearson); the sweep above says how the model fares there."));
        ev.note(out + " of the data's " + n + " samples lie outside the training range of " + cov);
    }

    private static boolean skipNoTruth(Evidence ev, String cov) {
        ev.note("the sweep of '" + cov + "' has samples without truth; the covariate check needs the truth");
        return false;
    }

    /** The sweep range: the policy's, else the training ∪ application range extended by {@code extend} widths. */
    static double[] sweepRange(Params p, Range train, Range app, boolean log, boolean primary) {
        double lo = Math.min(train.min(), app.min());
        double hi = Math.max(train.max(), app.max());
        double ext = p.getDouble("extend");
        double autoLo;
        double autoHi;
        if (log && train.min() > 0) {
            double w = Math.log(train.max() / train.min());
            autoLo = lo * Math.exp(-ext * w);
            autoHi = hi * Math.exp(ext * w);
        } else {
            double w = train.width() > 0 ? train.width() : Math.max(Math.abs(train.max()), 1e-9);
            autoLo = lo - ext * w;
            autoHi = hi + ext * w;
            if (train.min() >= 0 && autoLo < 0) {
                autoLo = 0; // a covariate that is never negative in training (redshift, momentum) stays so
            }
        }
        double sLo = primary && !Double.isNaN(p.getDouble("sweep_min")) ? p.getDouble("sweep_min") : autoLo;
        double sHi = primary && !Double.isNaN(p.getDouble("sweep_max")) ? p.getDouble("sweep_max") : autoHi;
        if (!(sHi > sLo)) {
            throw new IllegalArgumentException("the sweep range of the covariate is empty: [" + sLo + ", " + sHi + "]");
        }
        return new double[] {sLo, sHi};
    }

    /** Per-bin quality of one observable; reports the judged and the outside metrics and the curves. */
    private static void observable(CheckContext ctx, Evidence ev, String prefix, String cov, CovariateBins bins,
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
        double idSigmaC = idRc.size() >= 2 ? Robust.width(toArray(idRc)) : Double.NaN;
        double idSigmaM = idRm.size() >= 2 ? Robust.width(toArray(idRm)) : Double.NaN;
        boolean relative = idT.size() >= 2 && Robust.median(toArray(idT)) >= RESOLVED * idSigmaC;
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
            if (n < ResidualsCheck.MIN_PER_BIN) {
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
        worst(ev, prefix + name + ".worst_bias_in_application_range", v[0], lo[0], hi[0], inApp, true, true,
                "Model bias in the application-range bin where it is largest in magnitude: " + biasKind + ", 95% "
                        + "bootstrap CI; per-bin values as cases.", unitless);
        worst(ev, prefix + name + ".worst_bias_excess_in_application_range", v[5], lo[5], hi[5], inApp, true, false,
                "|model bias| − |conventional bias| (" + biasKind + ") in the application-range bin where it is "
                        + "largest, 95% paired bootstrap CI; 0 for the conventional method itself.", unitless);
        worst(ev, prefix + name + ".worst_resolution_ratio_in_application_range", v[4], lo[4], hi[4], inApp, true,
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
            worst(ev, prefix + name + ".degradation_ratio_in_application_range", d, dLo, dHi, beyond, true, false,
                    "Largest degradation ratio over the application-range bins beyond the training range: the bin's "
                            + "model/conventional resolution "
                            + "ratio over the in-distribution one, or over 1 when that is below 1 (" + Judge.fmt(ref)
                            + ", taken as exact), 95% CI.", unitless);
        }
        worst(ev, prefix + "outside." + name + ".worst_bias", v[0], lo[0], hi[0], inApp, false, true,
                "As worst_bias_in_application_range, over the bins beyond the application range (not judged).", unitless);
        worst(ev, prefix + "outside." + name + ".worst_bias_excess", v[5], lo[5], hi[5], inApp, false, false,
                "As worst_bias_excess_in_application_range, over the bins beyond the application range (not judged).",
                unitless);
        worst(ev, prefix + "outside." + name + ".worst_resolution_ratio", v[4], lo[4], hi[4], inApp, false, false,
                "As worst_resolution_ratio_in_application_range, beyond the application range (not judged).", unitless);
        if (Double.isFinite(idRatio)) {
            worst(ev, prefix + "outside." + name + ".degradation_ratio", d, dLo, dHi, inApp, false, false,
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
    private static void degradationHeadline(Evidence ev, String prefix, List<Observable> observables) {
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

    /**
     * Adds the worst bin of {@code v} among the bins with {@code inApp[k] == inside} as a metric with the
     * per-bin values as cases.
     *
     * @param byAbs worst by magnitude, else the largest
     */
    private static void worst(Evidence ev, String name, double[] v, double[] lo, double[] hi, boolean[] inApp,
            boolean inside, boolean byAbs, String description, String unit) {
        int w = -1;
        List<Double> cases = new ArrayList<>();
        List<Double> caseLo = new ArrayList<>();
        List<Double> caseHi = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            if (inApp[k] != inside || !Double.isFinite(v[k])) {
                continue;
            }
            cases.add(v[k]);
            caseLo.add(lo[k]);
            caseHi.add(hi[k]);
            if (w < 0 || (byAbs ? Math.abs(v[k]) > Math.abs(v[w]) : v[k] > v[w])) {
                w = k;
            }
        }
        if (w < 0) {
            return;
        }
        ev.metric(Metric.of(name, v[w], lo[w], hi[w], unit, description), toArray(cases), toArray(caseLo),
                toArray(caseHi));
    }

    private static void psnr(CheckContext ctx, Evidence ev, String prefix, String cov, CovariateBins bins, boolean log,
            List<SampleSet> sets, List<List<float[]>> outputs, boolean[] inTrain, boolean[] inApp) {
        int nb = bins.size();
        double[][] v = new double[3][nb];
        double[][] lo = new double[3][nb];
        double[][] hi = new double[3][nb];
        List<Double> idPsnr = new ArrayList<>();
        for (int k = 0; k < nb; k++) {
            SampleSet set = sets.get(k);
            List<Estimate> est = ctx.evaluations().conventional(set);
            List<float[]> out = outputs.get(k);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                float[] t = set.get(i).target().orElseThrow();
                double pm = psnr(out.get(i), t);
                double pc = est.get(i).valid() ? psnr(est.get(i).value(), t) : Double.NaN;
                if (Double.isFinite(pm) && Double.isFinite(pc)) {
                    rows.add(new double[] {pm, pc});
                    if (inTrain[k]) {
                        idPsnr.add(pm);
                    }
                }
            }
            int n = rows.size();
            if (n < 2) {
                for (double[][] a : new double[][][] {v, lo, hi}) {
                    a[0][k] = a[1][k] = a[2][k] = Double.NaN;
                }
                continue;
            }
            java.util.function.Function<int[], double[]> stats = idx -> {
                double sm = 0;
                double sc = 0;
                for (int i : idx) {
                    sm += rows.get(i)[0];
                    sc += rows.get(i)[1];
                }
                return new double[] {sm / idx.length, sc / idx.length, (sm - sc) / idx.length};
            };
            double[] e = stats.apply(Robust.identity(n));
            Robust.Ci[] ci = Robust.ci(n, stats, e, ctx.params().getInt("bootstrap_resamples"),
                    Seeds.derive(ctx.seed(), prefix + "psnr:" + k));
            for (int s = 0; s < 3; s++) {
                v[s][k] = e[s];
                lo[s][k] = ci[s].low();
                hi[s][k] = ci[s].high();
            }
        }
        if (!idPsnr.isEmpty()) {
            double mean = 0;
            for (double x : idPsnr) {
                mean += x;
            }
            ev.metric(Metric.of(prefix + "psnr_in_distribution", mean / idPsnr.size(), "dB",
                    "Mean PSNR of the model in the sweep bins inside the training range; PSNR = 10·log10(range²/MSE) "
                            + "against the truth, range = max − min of the truth."));
        }
        worstLow(ev, prefix + "worst_psnr_advantage_in_application_range", v[2], lo[2], hi[2], inApp, true,
                "The smallest mean PSNR advantage of the model over the conventional method (dB) among the "
                        + "application-range bins, 95% bootstrap CI; image similarity only: judge photometry by the bias.");
        worstLow(ev, prefix + "outside.worst_psnr_advantage", v[2], lo[2], hi[2], inApp, false,
                "As worst_psnr_advantage_in_application_range, beyond the application range (not judged).");
        ev.artifact(new Artifact.Curves(prefix + "psnr_vs_" + cov, "PSNR against " + cov,
                "Mean PSNR per bin against the truth (range = max − min of the truth) with 95% bootstrap CIs. A model "
                        + "can stay ahead here while losing flux: read it with the bias curves.", cov, Artifacts.covariateUnit(ctx, cov), "PSNR", "dB",
                log, List.of(Artifacts.curve("model", bins.centres(), v[0], lo[0], hi[0]),
                        Artifacts.curve("conventional", bins.centres(), v[1], lo[1], hi[1])), Artifacts.bands(ctx, cov)));
    }

    private static void worstLow(Evidence ev, String name, double[] v, double[] lo, double[] hi, boolean[] inApp,
            boolean inside, String description) {
        int w = -1;
        List<Double> cases = new ArrayList<>();
        List<Double> caseLo = new ArrayList<>();
        List<Double> caseHi = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            if (inApp[k] != inside || !Double.isFinite(v[k])) {
                continue;
            }
            cases.add(v[k]);
            caseLo.add(lo[k]);
            caseHi.add(hi[k]);
            if (w < 0 || v[k] < v[w]) {
                w = k;
            }
        }
        if (w >= 0) {
            ev.metric(Metric.of(name, v[w], lo[w], hi[w], "dB", description), toArray(cases));
        }
    }

    /** PSNR = 10·log10(range²/MSE) with range = max − min of the truth; NaN when undefined. */
    static double psnr(float[] output, float[] truth) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double se = 0;
        for (int i = 0; i < truth.length; i++) {
            min = Math.min(min, truth[i]);
            max = Math.max(max, truth[i]);
            double d = output[i] - truth[i];
            se += d * d;
        }
        double range = max - min;
        if (!(range > 0) || !(se > 0) || !Double.isFinite(se)) {
            return Double.NaN;
        }
        return 10 * Math.log10(range * range / (se / truth.length));
    }

    /** Mahalanobis distance on summary features of the condition, fitted on half of the in-training samples. */
    private static void oodScore(CheckContext ctx, Evidence ev, String prefix, String cov, List<SampleSet> sets,
            boolean[] inTrain, boolean[] inApp) {
        List<double[]> fit = new ArrayList<>();
        List<double[]> in = new ArrayList<>();
        List<double[]> outApp = new ArrayList<>();
        List<double[]> outTrain = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            SampleSet s = sets.get(k);
            for (int i = 0; i < s.size(); i++) {
                double[] f = features(s.get(i).condition());
                if (inTrain[k]) {
                    (i % 2 == 0 ? fit : in).add(f);
                } else {
                    outTrain.add(f);
                    if (!inApp[k]) {
                        outApp.add(f);
                    }
                }
            }
        }
        List<double[]> out = outApp.isEmpty() ? outTrain : outApp;
        if (fit.size() < FEATURES.length + 2 || in.isEmpty() || out.isEmpty()) {
            ev.note(cov + ": no input-space OOD score (needs sweep bins inside and beyond the training range)");
            return;
        }
        Mahalanobis mh = Mahalanobis.fit(fit.toArray(new double[0][]));
        double[] neg = in.stream().mapToDouble(mh::distance).toArray();
        double[] pos = out.stream().mapToDouble(mh::distance).toArray();
        double auc = Roc.auc(pos, neg);
        Interval ci = ClassifierTest.hanleyMcNeil(auc, pos.length, neg.length, Robust.LEVEL);
        String against = outApp.isEmpty() ? "beyond the training range" : "beyond the application range";
        ev.metric(Metric.of(prefix + "ood_score_auroc", auc, ci.low(), ci.high(), "",
                "AUROC of the Mahalanobis distance of the condition's summary features (" + String.join(", ", FEATURES)
                        + " of its values; fitted on half of the in-training samples) for samples " + against
                        + " against the other in-training half, Hanley–McNeil 95% CI: how well the inputs alone "
                        + "flag out-of-distribution use."));
        Roc.Curve roc = Roc.curve(pos, neg);
        ev.artifact(new Artifact.Curves(prefix + "ood_score_roc." + cov, "Input-space OOD score: ROC (" + cov + ")",
                "True-positive rate (samples " + against + ") against false-positive rate (in-training samples) of "
                        + "the Mahalanobis score; the diagonal is chance.", "false-positive rate", "",
                "true-positive rate", "", false, List.of(Artifact.Curve.of(String.format(Locale.ROOT, "AUROC %.3f", auc),
                        roc.fpr(), roc.tpr())), List.of()));
    }

    /** Summary features of a condition: mean, standard deviation, 5/50/95% quantiles and maximum of its values. */
    static double[] features(float[] condition) {
        double[] x = new double[condition.length];
        int n = 0;
        for (float v : condition) {
            if (Float.isFinite(v)) {
                x[n++] = v;
            }
        }
        x = java.util.Arrays.copyOf(x, Math.max(n, 1));
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(var / x.length), RobustWidth.quantile(x, 0.05), RobustWidth.quantile(x, 0.5),
            RobustWidth.quantile(x, 0.95), RobustWidth.quantile(x, 1)};
    }

    private static void table(Evidence ev, String prefix, String cov, CovariateBins bins, List<SampleSet> sets,
            boolean[] inTrain, boolean[] inApp) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < bins.size(); k++) {
            rows.add(List.of(Integer.toString(k), bins.label(k), Integer.toString(sets.get(k).size()),
                    inTrain[k] ? "yes" : "no", inApp[k] ? "judged" : "shown only"));
        }
        ev.artifact(new Artifact.Table(prefix + "sweep_bins." + cov, "Sweep bins of " + cov,
                "Each bin is simulated with its own samples; bins inside the training range are the in-distribution "
                        + "reference, bins inside the application range are judged.",
                List.of("bin", cov, "samples", "in training range", "application range"), rows));
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

    private static double[] toArray(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
