package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Observable;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.SetRequest;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Params;
import org.realitycheck.validation.Seeds;
import org.realitycheck.validation.stats.Binomial;
import org.realitycheck.validation.stats.Pulls;
import org.realitycheck.validation.stats.TestResult;
import org.realitycheck.validation.stats.TwoSample;
import org.realitycheck.validation.stats.Wasserstein;

/**
 * {@code residuals.conventional}: is the model's approximation quietly worse than the computation it
 * replaces? On the held-out set with truth, per observable, the residuals model − truth (r_m),
 * conventional − truth (r_c) and model − conventional, all through {@link Observable#residual}
 * (angles wrap):
 * <ul>
 *   <li>bias = median(r), resolution = MAD(r)·1.4826, for model and conventional;</li>
 *   <li>{@code bias_over_resolution} = median(r_m)/MAD(r_c)·1.4826: the model's bias in units of the
 *       conventional method's resolution, the dimensionless number a threshold can be set on
 *       (a bias of 0.2σ widens the total error by only 2%); and {@code bias_excess} = (|median(r_m)| −
 *       |median(r_c)|)/MAD(r_c)·1.4826, how much more biased the model is than the method (the method may
 *       have a bias of its own, e.g. Richardson–Lucy's aperture flux);</li>
 *   <li>{@code resolution_ratio} = MAD(r_m)/MAD(r_c) (1 for the conventional method itself);</li>
 *   <li>tail fractions |r| &gt; k·σ, with σ the conventional estimate's own uncertainty where the domain
 *       gives one ({@link Observable#uncertainty}; the observable's resolution is often strongly
 *       sample-dependent, e.g. σ(p_T) ∝ p_T²), else the conventional resolution; Clopper–Pearson; and the
 *       model's tail fraction minus the method's ({@code tail_excess});</li>
 *   <li>pulls r/σ with the conventional σ for both (the conventional pulls are the reference; a model
 *       as good as the method has the same pull width);</li>
 *   <li>two-sample KS and W1 between the r_m and r_c distributions;</li>
 *   <li>bias excess and resolution ratio again in bins of a covariate (per-bin cases, for
 *       {@code mostly} thresholds; the metric's value is the worst bin).</li>
 * </ul>
 * Intervals are 95% seeded bootstraps (paired resampling for ratios; {@link Robust}). SKIPPED when the
 * data has no truth.
 */
public final class ResidualsCheck implements Check {
    public static final String ID = "residuals.conventional";

    /** Per-observable metric suffixes, in report order. */
    static final List<String> SUFFIXES = List.of("bias", "bias_conventional", "bias_over_resolution", "bias_excess", "resolution",
            "resolution_conventional", "resolution_ratio", "model_minus_conventional_bias",
            "model_minus_conventional_width", "tail_fraction", "tail_fraction_conventional", "tail_excess", "pull_mean", "pull_width",
            "pull_mean_conventional", "pull_width_conventional", "ks_statistic", "ks_pvalue", "w1",
            "w1_over_resolution", "bias_excess_per_bin", "resolution_ratio_per_bin");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Residuals against the conventional method";
    }

    @Override
    public String protectsAgainst() {
        return "An approximation quietly worse than the computation it replaces: biased, wider or with tails, "
                + "overall or in part of the covariate range.";
    }

    @Override
    public String headline() {
        return "worst_resolution_ratio";
    }

    @Override
    public Map<String, Object> defaultParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("covariate", "");
        p.put("covariate_bins", 5);
        p.put("log_scale", false);
        p.put("bin_edges", "");
        p.put("tail_sigma", 5.0);
        p.put("observables", List.of());
        p.put("bootstrap_resamples", 200);
        return p;
    }

    @Override
    public void validateParams(Params p) {
        int bins = p.getInt("covariate_bins");
        if (bins < 1 || bins > 50) {
            throw new IllegalArgumentException("covariate_bins must be in [1, 50], got " + bins);
        }
        if (!(p.getDouble("tail_sigma") > 0)) {
            throw new IllegalArgumentException("tail_sigma must be > 0, got " + p.getDouble("tail_sigma"));
        }
        if (p.getInt("bootstrap_resamples") < 20) {
            throw new IllegalArgumentException("bootstrap_resamples must be >= 20, got " + p.getInt("bootstrap_resamples"));
        }
        if (!p.getString("bin_edges").isBlank()) {
            CovariateBins.parse(p.getString("bin_edges"), p.getBoolean("log_scale"));
        }
    }

    @Override
    public List<String> metricNames(Domain domain) {
        return CheckSupport.perObservable(domain, List.of("worst_resolution_ratio", "samples", NonFinite.COUNT,
                NonFinite.FRACTION), SUFFIXES);
    }

    @Override
    public List<SetRequest> plan(CheckContext ctx) {
        return List.of(SetRequest.heldOutWithTruth());
    }

    @Override
    public Accumulator accumulator(CheckContext ctx) {
        return new Acc(ObservableRows.of(observables(ctx), List.of(covariate(ctx))));
    }

    private static List<Observable> observables(CheckContext ctx) {
        return Selection.observables(ctx.domain(), ctx.params().getStrings("observables"));
    }

    private static String covariate(CheckContext ctx) {
        String cov = ctx.params().getString("covariate");
        return cov.isBlank() ? ctx.domain().probes().primaryCovariate() : cov;
    }

    /** The observables and the binning covariate of every held-out sample with truth, by global index. */
    private static final class Acc extends TableAccumulator {
        private static final long serialVersionUID = 1L;

        Acc(ObservableRows rows) {
            super(rows);
        }

        @Override
        public Evidence finish(CheckContext ctx) {
            return ResidualsCheck.finish(ctx, rows, observables(ctx), covariate(ctx));
        }
    }

    private static Evidence finish(CheckContext ctx, ObservableRows rows, List<Observable> observables, String cov) {
        Params p = ctx.params();
        Evidence ev = Evidence.create();
        rows.noteLeftOut(ev);
        if (rows.size() == 0) {
            return Evidence.skipped("the data has no truth: residuals need the true values");
        }
        ev.note("conventional method: " + ctx.domain().reference().conventionalMethod().describe());
        ObservableRows.Table table = rows.table(observables);
        ObservableTable tab = table.observables();
        double[] x = table.covariates()[0];
        CovariateBins bins = bins(p, x, ev, cov);
        int invalid = table.invalid();
        if (invalid > 0) {
            ev.note("the conventional method rejected " + invalid + " of " + table.size()
                    + " inputs; residuals use the samples where model, conventional and truth are all defined");
        }
        ev.metric(Metric.of("samples", table.size(), "", "Held-out samples with truth that the residuals were taken on."));
        double[] worst = {Double.NaN, Double.NaN, Double.NaN};
        String worstName = "";
        List<double[]> cases = new ArrayList<>();
        for (int o = 0; o < observables.size(); o++) {
            double[] w = observable(ctx, ev, tab, o, x, bins, cov);
            if (Double.isFinite(w[0])) {
                cases.add(w);
            }
            if (Double.isFinite(w[0]) && !(w[0] <= worst[0])) {
                System.arraycopy(w, 0, worst, 0, 3);
                worstName = observables.get(o).name();
            }
        }
        // every observable is a case with its own interval, so that the judge reads each one, not only the largest
        ev.metric(Metric.of("worst_resolution_ratio", worst[0], worst[1], worst[2], "",
                "The largest model/conventional resolution ratio over the observables"
                        + (worstName.isEmpty() ? "" : " (" + worstName + ")") + ", 95% paired bootstrap CI; "
                        + "every observable's ratio and interval are its cases."),
                cases.stream().mapToDouble(c -> c[0]).toArray(), cases.stream().mapToDouble(c -> c[1]).toArray(),
                cases.stream().mapToDouble(c -> c[2]).toArray());
        rows.nonFinite().report(ev, "on the held-out samples with truth", "their residuals are undefined and left "
                + "out of the statistics, and non_finite_count judges them");
        return ev;
    }

    private static CovariateBins bins(Params p, double[] x, Evidence ev, String cov) {
        boolean log = p.getBoolean("log_scale");
        if (!p.getString("bin_edges").isBlank()) {
            return CovariateBins.parse(p.getString("bin_edges"), log);
        }
        double[] f = Robust.finite(x);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : f) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (f.length == 0 || !(max > min)) {
            ev.note("the samples carry no spread of covariate '" + cov + "': no per-bin residuals");
            return null;
        }
        if (log && !(min > 0)) {
            ev.note("covariate '" + cov + "' has values <= 0: linear bins instead of log bins");
            log = false;
        }
        return CovariateBins.even(min, max, p.getInt("covariate_bins"), log);
    }

    /** Measures one observable; returns its {resolution ratio, low, high}. */
    private static double[] observable(CheckContext ctx, Evidence ev, ObservableTable tab, int o,
            double[] cov, CovariateBins bins, String covName) {
        Observable obs = tab.observables().get(o);
        String name = obs.name();
        String unit = obs.unit();
        int resamples = ctx.params().getInt("bootstrap_resamples");
        double k = ctx.params().getDouble("tail_sigma");
        int[] rows = Robust.finiteRows(tab.model()[o], tab.conventional()[o], tab.truth()[o]);
        int n = rows.length;
        if (n < 10) {
            ev.note(name + ": only " + n + " samples where model, conventional and truth are defined; not measured");
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] rm = new double[n];
        double[] rc = new double[n];
        double[] rmc = new double[n];
        double[] sig = new double[n];
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            int i = rows[j];
            rm[j] = obs.residual(tab.model()[o][i], tab.truth()[o][i]);
            rc[j] = obs.residual(tab.conventional()[o][i], tab.truth()[o][i]);
            rmc[j] = obs.residual(tab.model()[o][i], tab.conventional()[o][i]);
            sig[j] = tab.sigma()[o][i];
            x[j] = cov[i];
        }
        long seed = Seeds.derive(ctx.seed(), name);
        BinnedResiduals.Summary s = BinnedResiduals.Summary.of(rm, rc, resamples, seed);
        String conv = "the conventional method";
        ev.metric(Metric.of(name + ".bias", s.biasM().value(), s.biasM().low(), s.biasM().high(), unit,
                "Median of model − truth, 95% bootstrap CI."));
        ev.metric(Metric.of(name + ".bias_conventional", s.biasC().value(), s.biasC().low(), s.biasC().high(), unit,
                "Median of conventional − truth, 95% bootstrap CI."));
        if (s.sigmaC().value() > 0) {
            ev.metric(Metric.of(name + ".bias_over_resolution", s.bor().value(), s.bor().low(), s.bor().high(), "",
                    "Median of model − truth over the conventional resolution (MAD·1.4826 of conventional − truth), "
                            + "95% paired bootstrap CI."));
            ev.metric(Metric.of(name + ".bias_excess", s.excess().value(), s.excess().low(), s.excess().high(), "",
                    "How much more biased the model is than the conventional method, in units of its resolution: "
                            + "(|median(model − truth)| − |median(conventional − truth)|) / conventional resolution, "
                            + "95% paired bootstrap CI; 0 for the method itself, negative when the model is less biased."));
        } else {
            ev.note(name + ": " + conv + " has zero resolution (MAD 0) on these samples; ratios to it are not defined");
        }
        ev.metric(Metric.of(name + ".resolution", s.sigmaM().value(), s.sigmaM().low(), s.sigmaM().high(), unit,
                "Robust width (MAD·1.4826) of model − truth, 95% bootstrap CI."));
        ev.metric(Metric.of(name + ".resolution_conventional", s.sigmaC().value(), s.sigmaC().low(), s.sigmaC().high(), unit,
                "Robust width (MAD·1.4826) of conventional − truth, 95% bootstrap CI."));
        if (s.sigmaC().value() > 0) {
            ev.metric(Metric.of(name + ".resolution_ratio", s.ratio().value(), s.ratio().low(), s.ratio().high(), "",
                    "Model resolution over conventional resolution (MAD·1.4826 of the residuals), "
                            + "95% paired bootstrap CI; 1 means as precise as " + conv + "."));
        }
        double mcBias = Robust.median(rmc);
        double mcWidth = Robust.width(rmc);
        double[] scratch = new double[Math.min(n, Robust.MAX_BOOTSTRAP_N)];
        Robust.Ci[] mcCi = Robust.ci(n, idx -> new double[] {Robust.median(rmc, idx, scratch),
            Robust.width(rmc, idx, scratch)}, new double[] {mcBias, mcWidth}, resamples, seed + 11);
        Robust.Ci mcBiasCi = mcCi[0];
        Robust.Ci mcWidthCi = mcCi[1];
        ev.metric(Metric.of(name + ".model_minus_conventional_bias", mcBias, mcBiasCi.low(), mcBiasCi.high(), unit,
                "Median of model − conventional, 95% bootstrap CI."));
        ev.metric(Metric.of(name + ".model_minus_conventional_width", mcWidth, mcWidthCi.low(), mcWidthCi.high(), unit,
                "Robust width (MAD·1.4826) of model − conventional, 95% bootstrap CI."));

        // tails: per-sample conventional σ where the domain gives it, else the conventional resolution
        int withSigma = 0;
        for (double v : sig) {
            withSigma += Double.isFinite(v) && v > 0 ? 1 : 0;
        }
        boolean perSample = withSigma == n;
        if (s.sigmaC().value() > 0 || perSample) {
            int tm = 0;
            int tc = 0;
            for (int j = 0; j < n; j++) {
                double sj = perSample ? sig[j] : s.sigmaC().value();
                tm += Math.abs(rm[j]) > k * sj ? 1 : 0;
                tc += Math.abs(rc[j]) > k * sj ? 1 : 0;
            }
            String what = "Fraction of samples with |%s − truth| > " + Judge.fmt(k) + "σ, σ = "
                    + (perSample ? "the conventional estimate's own uncertainty" : "the conventional resolution")
                    + ", Clopper–Pearson 95% CI.";
            Robust.Ci cm = Robust.Ci.of(Binomial.clopperPearson(tm, n, Robust.LEVEL));
            Robust.Ci cc = Robust.Ci.of(Binomial.clopperPearson(tc, n, Robust.LEVEL));
            ev.metric(Metric.of(name + ".tail_fraction", (double) tm / n, cm.low(), cm.high(), "",
                    what.replace("%s", "model")));
            ev.metric(Metric.of(name + ".tail_fraction_conventional", (double) tc / n, cc.low(), cc.high(), "",
                    what.replace("%s", "conventional")));
            double[] excess = new double[n];
            for (int j = 0; j < n; j++) {
                double sj = perSample ? sig[j] : s.sigmaC().value();
                excess[j] = (Math.abs(rm[j]) > k * sj ? 1 : 0) - (Math.abs(rc[j]) > k * sj ? 1 : 0);
            }
            double te = (double) (tm - tc) / n;
            Robust.Ci teCi = Robust.ci(n, idx -> {
                double sum = 0;
                for (int i : idx) {
                    sum += excess[i];
                }
                return sum / idx.length;
            }, te, resamples, seed + 17);
            ev.metric(Metric.of(name + ".tail_excess", te, teCi.low(), teCi.high(), "",
                    "Tail fraction of the model minus that of the conventional method (same σ), 95% paired "
                            + "bootstrap CI; 0 for the method itself."));
        }

        double[][] pulls = null;
        if (withSigma >= Math.max(10, n / 2)) {
            double[] pm = Pulls.pulls(rm, sig);
            double[] pc = Pulls.pulls(rc, sig);
            pulls = new double[][] {pm, pc};
            pullMetrics(ev, name + ".pull_", "", pm, "model − truth", resamples, seed + 21);
            pullMetrics(ev, name + ".pull_", "_conventional", pc, "conventional − truth", resamples, seed + 23);
            if (withSigma < n) {
                ev.note(name + ": pulls on the " + withSigma + " of " + n + " samples with a conventional uncertainty");
            }
        }

        TestResult ks = TwoSample.ks(rm, rc);
        ev.metric(Metric.of(name + ".ks_statistic", ks.statistic(), "",
                "Two-sample Kolmogorov–Smirnov D between the model − truth and conventional − truth distributions."));
        ev.metric(Metric.of(name + ".ks_pvalue", ks.pValue(), "",
                "p-value of that KS test (paired samples, so it is conservative evidence of a difference)."));
        double w1 = Wasserstein.w1(rm, rc);
        ev.metric(Metric.of(name + ".w1", w1, unit,
                "Wasserstein-1 distance between the model − truth and conventional − truth distributions."));
        if (s.sigmaC().value() > 0) {
            ev.metric(Metric.of(name + ".w1_over_resolution", w1 / s.sigmaC().value(), "",
                    "That Wasserstein-1 distance in units of the conventional resolution."));
        }

        // per covariate bin
        List<BinnedResiduals.Bin> binned = bins == null ? null : BinnedResiduals.of(rm, rc, x, bins, resamples, seed + 31);
        if (binned != null && BinnedResiduals.anyRatio(binned)) {
            double[][] excess = BinnedResiduals.series(binned, BinnedResiduals.Summary::excess);
            double[][] ratio = BinnedResiduals.series(binned, BinnedResiduals.Summary::ratio);
            boolean[] all = new boolean[bins.size()];
            java.util.Arrays.fill(all, true);
            BinnedResiduals.worst(ev, name + ".bias_excess_per_bin", excess[0], excess[1], excess[2], all, true, false,
                    "Bias excess over the conventional method (see bias_excess) per " + covName + " bin (cases); the "
                            + "value is the largest, with its 95% paired bootstrap CI.", "");
            BinnedResiduals.worst(ev, name + ".resolution_ratio_per_bin", ratio[0], ratio[1], ratio[2], all, true, false,
                    "Model/conventional resolution ratio per " + covName + " bin (cases); the value is the largest, "
                            + "with its 95% paired bootstrap CI.", "");
        }
        ResidualsArtifacts.add(ctx, ev, obs, rm, rc, pulls, s, binned, bins, covName);
        return new double[] {s.sigmaC().value() > 0 ? s.ratio().value() : Double.NaN, s.ratio().low(), s.ratio().high()};
    }

    private static void pullMetrics(Evidence ev, String prefix, String suffix, double[] pulls, String what, int resamples, long seed) {
        if (pulls.length < 2) {
            return;
        }
        double mean = 0;
        for (double v : pulls) {
            mean += v;
        }
        mean /= pulls.length;
        double width = Robust.width(pulls);
        double[] scratch = new double[Math.min(pulls.length, Robust.MAX_BOOTSTRAP_N)];
        Robust.Ci[] ci = Robust.ci(pulls.length, idx -> {
            double m = 0;
            for (int i : idx) {
                m += pulls[i];
            }
            return new double[] {m / idx.length, Robust.width(pulls, idx, scratch)};
        }, new double[] {mean, width}, resamples, seed);
        Robust.Ci mci = ci[0];
        Robust.Ci wci = ci[1];
        ev.metric(Metric.of(prefix + "mean" + suffix, mean, mci.low(), mci.high(), "",
                "Mean pull (" + what + ") / σ of the conventional estimate, 95% bootstrap CI; 0 when unbiased."));
        ev.metric(Metric.of(prefix + "width" + suffix, width, wci.low(), wci.high(), "",
                "Robust width (MAD·1.4826) of the pulls (" + what + ") / σ of the conventional estimate, "
                        + "95% bootstrap CI; 1 for a correct fit."));
    }

}
