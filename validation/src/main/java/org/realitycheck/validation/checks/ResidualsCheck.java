package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Check;
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
        return CheckSupport.perObservable(domain, List.of("worst_resolution_ratio", "samples"), SUFFIXES);
    }

    @Override
    public Evidence measure(CheckContext ctx) {
        Params p = ctx.params();
        SampleSet set = ctx.data();
        Evidence ev = Evidence.create();
        set = CheckSupport.withTruth(set, ev);
        if (set.isEmpty()) {
            return Evidence.skipped("the data has no truth: residuals need the true values");
        }
        ev.note("conventional method: " + ctx.domain().reference().conventionalMethod().describe());
        List<Observable> observables = Selection.observables(ctx.domain(), p.getStrings("observables"));
        List<float[]> outputs = ctx.evaluations().model(set);
        List<Estimate> estimates = ctx.evaluations().conventional(set);
        ObservableTable tab = ObservableTable.of(observables, set, outputs, estimates);
        String cov = p.getString("covariate").isBlank() ? ctx.domain().probes().primaryCovariate() : p.getString("covariate");
        double[] x = new double[set.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = set.get(i).covariate(cov).orElse(Double.NaN);
        }
        CovariateBins bins = bins(p, x, ev, cov);
        int invalid = 0;
        for (Estimate e : estimates) {
            invalid += e.valid() ? 0 : 1;
        }
        if (invalid > 0) {
            ev.note("the conventional method rejected " + invalid + " of " + set.size()
                    + " inputs; residuals use the samples where model, conventional and truth are all defined");
        }
        ev.metric(Metric.of("samples", set.size(), "", "Held-out samples with truth that the residuals were taken on."));
        final SampleSet data = set;
        double[] worst = {Double.NaN, Double.NaN, Double.NaN};
        String[] worstName = {""};
        ctx.evaluations().timed("statistics", () -> {
            for (int o = 0; o < observables.size(); o++) {
                double[] w = observable(ctx, ev, tab, o, data, x, bins, cov);
                if (Double.isFinite(w[0]) && !(w[0] <= worst[0])) {
                    System.arraycopy(w, 0, worst, 0, 3);
                    worstName[0] = observables.get(o).name();
                }
            }
            return null;
        });
        ev.metric(Metric.of("worst_resolution_ratio", worst[0], worst[1], worst[2], "",
                "The largest model/conventional resolution ratio over the observables"
                        + (worstName[0].isEmpty() ? "" : " (" + worstName[0] + ")") + ", 95% paired bootstrap CI."));
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
    private static double[] observable(CheckContext ctx, Evidence ev, ObservableTable tab, int o, SampleSet set,
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
        Summary s = Summary.of(rm, rc, Robust.identity(n), resamples, seed);
        String conv = "the conventional method";
        ev.metric(Metric.of(name + ".bias", s.biasM, s.biasMci.low(), s.biasMci.high(), unit,
                "Median of model − truth, 95% bootstrap CI."));
        ev.metric(Metric.of(name + ".bias_conventional", s.biasC, s.biasCci.low(), s.biasCci.high(), unit,
                "Median of conventional − truth, 95% bootstrap CI."));
        if (s.sigmaC > 0) {
            ev.metric(Metric.of(name + ".bias_over_resolution", s.bor, s.borCi.low(), s.borCi.high(), "",
                    "Median of model − truth over the conventional resolution (MAD·1.4826 of conventional − truth), "
                            + "95% paired bootstrap CI."));
            ev.metric(Metric.of(name + ".bias_excess", s.excess, s.excessCi.low(), s.excessCi.high(), "",
                    "How much more biased the model is than the conventional method, in units of its resolution: "
                            + "(|median(model − truth)| − |median(conventional − truth)|) / conventional resolution, "
                            + "95% paired bootstrap CI; 0 for the method itself, negative when the model is less biased."));
        } else {
            ev.note(name + ": " + conv + " has zero resolution (MAD 0) on these samples; ratios to it are not defined");
        }
        ev.metric(Metric.of(name + ".resolution", s.sigmaM, s.sigmaMci.low(), s.sigmaMci.high(), unit,
                "Robust width (MAD·1.4826) of model − truth, 95% bootstrap CI."));
        ev.metric(Metric.of(name + ".resolution_conventional", s.sigmaC, s.sigmaCci.low(), s.sigmaCci.high(), unit,
                "Robust width (MAD·1.4826) of conventional − truth, 95% bootstrap CI."));
        if (s.sigmaC > 0) {
            ev.metric(Metric.of(name + ".resolution_ratio", s.ratio, s.ratioCi.low(), s.ratioCi.high(), "",
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
        if (s.sigmaC > 0 || perSample) {
            int tm = 0;
            int tc = 0;
            for (int j = 0; j < n; j++) {
                double sj = perSample ? sig[j] : s.sigmaC;
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
                double sj = perSample ? sig[j] : s.sigmaC;
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
        if (s.sigmaC > 0) {
            ev.metric(Metric.of(name + ".w1_over_resolution", w1 / s.sigmaC, "",
                    "That Wasserstein-1 distance in units of the conventional resolution."));
        }

        // per covariate bin
        Binned binned = bins == null ? null : binned(rm, rc, x, bins, resamples, seed + 31);
        if (binned != null && binned.anyRatio()) {
            binnedMetric(ev, name + ".bias_excess_per_bin", binned.excess, binned.excessLo, binned.excessHi, false,
                    "Bias excess over the conventional method (see bias_excess) per " + covName + " bin (cases); the "
                            + "value is the largest, with its 95% paired bootstrap CI.");
            binnedMetric(ev, name + ".resolution_ratio_per_bin", binned.ratio, binned.ratioLo, binned.ratioHi, false,
                    "Model/conventional resolution ratio per " + covName + " bin (cases); the value is the largest, "
                            + "with its 95% paired bootstrap CI.");
        }
        artifacts(ctx, ev, obs, rm, rc, pulls, s, binned, bins, covName);
        return new double[] {s.sigmaC > 0 ? s.ratio : Double.NaN, s.ratioCi.low(), s.ratioCi.high()};
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

    private static void binnedMetric(Evidence ev, String name, double[] v, double[] lo, double[] hi, boolean absWorst,
            String description) {
        int worst = -1;
        for (int b = 0; b < v.length; b++) {
            if (Double.isFinite(v[b]) && (worst < 0
                    || (absWorst ? Math.abs(v[b]) > Math.abs(v[worst]) : v[b] > v[worst]))) {
                worst = b;
            }
        }
        if (worst < 0) {
            return;
        }
        // every finite bin is a case, with its own bootstrap CI, so that 'mostly' counts a bin only as its CI decides
        int n = 0;
        for (double x : v) {
            n += Double.isFinite(x) ? 1 : 0;
        }
        double[] cases = new double[n];
        double[] caseLo = new double[n];
        double[] caseHi = new double[n];
        for (int b = 0, i = 0; b < v.length; b++) {
            if (Double.isFinite(v[b])) {
                cases[i] = v[b];
                caseLo[i] = lo[b];
                caseHi[i++] = hi[b];
            }
        }
        ev.metric(Metric.of(name, v[worst], lo[worst], hi[worst], "", description), cases, caseLo, caseHi);
    }

    /** Per-bin robust summaries; bins with fewer than {@value #MIN_PER_BIN} samples are NaN. */
    static final int MIN_PER_BIN = 10;

    private static Binned binned(double[] rm, double[] rc, double[] x, CovariateBins bins, int resamples, long seed) {
        int nb = bins.size();
        Binned b = new Binned(nb);
        for (int k = 0; k < nb; k++) {
            List<Integer> in = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                if (bins.bin(x[j]) == k) {
                    in.add(j);
                }
            }
            b.count[k] = in.size();
            if (in.size() < MIN_PER_BIN) {
                continue;
            }
            int[] idx = in.stream().mapToInt(Integer::intValue).toArray();
            Summary s = Summary.of(Robust.pick(rm, idx), Robust.pick(rc, idx), Robust.identity(idx.length), resamples,
                    seed + 101L * k);
            b.sigmaM[k] = s.sigmaM;
            b.sigmaMlo[k] = s.sigmaMci.low();
            b.sigmaMhi[k] = s.sigmaMci.high();
            b.sigmaC[k] = s.sigmaC;
            b.sigmaClo[k] = s.sigmaCci.low();
            b.sigmaChi[k] = s.sigmaCci.high();
            b.biasM[k] = s.biasM;
            b.biasMlo[k] = s.biasMci.low();
            b.biasMhi[k] = s.biasMci.high();
            b.biasC[k] = s.biasC;
            b.biasClo[k] = s.biasCci.low();
            b.biasChi[k] = s.biasCci.high();
            if (s.sigmaC > 0) {
                b.excess[k] = s.excess;
                b.excessLo[k] = s.excessCi.low();
                b.excessHi[k] = s.excessCi.high();
                b.ratio[k] = s.ratio;
                b.ratioLo[k] = s.ratioCi.low();
                b.ratioHi[k] = s.ratioCi.high();
            }
        }
        return b;
    }

    private static void artifacts(CheckContext ctx, Evidence ev, Observable obs, double[] rm, double[] rc,
            double[][] pulls, Summary s, Binned binned, CovariateBins bins, String covName) {
        String name = obs.name();
        String unit = obs.unit();
        double half = Math.max(5 * Math.max(s.sigmaC, s.sigmaM), 1.5 * Math.max(Math.abs(s.biasM), Math.abs(s.biasC)));
        double[] edges = Artifacts.edges(-half, half, 50);
        ev.artifact(new Artifact.Histograms("residuals." + name, name + ": residuals against the truth",
                "Model − truth and conventional − truth, overlaid; an approximation as good as the computation "
                        + "overlays it exactly.", name + " residual", unit, edges,
                List.of(Artifacts.series("model − truth", rm, edges), Artifacts.series("conventional − truth", rc, edges))));
        if (pulls != null) {
            double[] pe = Artifacts.edges(-6, 6, 48);
            ev.artifact(new Artifact.Histograms("pulls." + name, name + ": pulls",
                    "(estimate − truth)/σ with the conventional estimate's σ for both, and the N(0, 1) a correct fit "
                            + "follows.", name + " pull", "", pe,
                    List.of(Artifacts.series("model", pulls[0], pe), Artifacts.series("conventional", pulls[1], pe),
                            Artifacts.unitNormal("N(0, 1)", pulls[1].length, pe))));
        }
        if (binned != null) {
            double[] xc = bins.centres();
            ev.artifact(new Artifact.Curves("resolution_vs_" + covName + "." + name,
                    name + ": resolution against " + covName,
                    "Robust width (MAD·1.4826) of the residuals per " + covName + " bin with 95% bootstrap CIs.",
                    covName, Artifacts.covariateUnit(ctx, covName), "resolution of " + name, unit, bins.log(),
                    List.of(Artifacts.curve("model", xc, binned.sigmaM, binned.sigmaMlo, binned.sigmaMhi),
                            Artifacts.curve("conventional", xc, binned.sigmaC, binned.sigmaClo, binned.sigmaChi)),
                    Artifacts.bands(ctx, covName)));
            ev.artifact(new Artifact.Curves("bias_vs_" + covName + "." + name, name + ": bias against " + covName,
                    "Median residual per " + covName + " bin with 95% bootstrap CIs.", covName, Artifacts.covariateUnit(ctx, covName), "bias of " + name,
                    unit, bins.log(),
                    List.of(Artifacts.curve("model", xc, binned.biasM, binned.biasMlo, binned.biasMhi),
                            Artifacts.curve("conventional", xc, binned.biasC, binned.biasClo, binned.biasChi)),
                    Artifacts.bands(ctx, covName)));
        }
    }

    /** Robust summaries of paired residuals with their intervals. */
    static final class Summary {
        double biasM;
        double biasC;
        double sigmaM;
        double sigmaC;
        double bor;
        double excess;
        double ratio;
        Robust.Ci biasMci;
        Robust.Ci biasCci;
        Robust.Ci sigmaMci;
        Robust.Ci sigmaCci;
        Robust.Ci borCi;
        Robust.Ci excessCi;
        Robust.Ci ratioCi;

        static Summary of(double[] rm, double[] rc, int[] rows, int resamples, long seed) {
            Summary s = new Summary();
            int n = rows.length;
            s.biasM = Robust.median(rm);
            s.biasC = Robust.median(rc);
            s.sigmaM = Robust.width(rm);
            s.sigmaC = Robust.width(rc);
            s.bor = s.sigmaC > 0 ? s.biasM / s.sigmaC : Double.NaN;
            s.excess = s.sigmaC > 0 ? (Math.abs(s.biasM) - Math.abs(s.biasC)) / s.sigmaC : Double.NaN;
            s.ratio = s.sigmaC > 0 ? s.sigmaM / s.sigmaC : Double.NaN;
            double[] a = new double[Math.min(n, Robust.MAX_BOOTSTRAP_N)];
            Robust.Ci[] ci = Robust.ci(n, idx -> {
                double mm = Robust.median(rm, idx, a);
                double mc = Robust.median(rc, idx, a);
                double wm = Robust.width(rm, idx, a);
                double wc = Robust.width(rc, idx, a);
                return new double[] {mm, mc, wm, wc, mm / wc, wm / wc, (Math.abs(mm) - Math.abs(mc)) / wc};
            }, new double[] {s.biasM, s.biasC, s.sigmaM, s.sigmaC, s.bor, s.ratio, s.excess}, resamples, seed);
            s.biasMci = ci[0];
            s.biasCci = ci[1];
            s.sigmaMci = ci[2];
            s.sigmaCci = ci[3];
            s.borCi = ci[4];
            s.ratioCi = ci[5];
            s.excessCi = ci[6];
            return s;
        }
    }

    /** Per-bin values for curves and cases. */
    private static final class Binned {
        final int[] count;
        final double[] sigmaM, sigmaMlo, sigmaMhi, sigmaC, sigmaClo, sigmaChi;
        final double[] biasM, biasMlo, biasMhi, biasC, biasClo, biasChi;
        final double[] excess, excessLo, excessHi, ratio, ratioLo, ratioHi;

        Binned(int nb) {
            count = new int[nb];
            sigmaM = nan(nb);
            sigmaMlo = nan(nb);
            sigmaMhi = nan(nb);
            sigmaC = nan(nb);
            sigmaClo = nan(nb);
            sigmaChi = nan(nb);
            biasM = nan(nb);
            biasMlo = nan(nb);
            biasMhi = nan(nb);
            biasC = nan(nb);
            biasClo = nan(nb);
            biasChi = nan(nb);
            excess = nan(nb);
            excessLo = nan(nb);
            excessHi = nan(nb);
            ratio = nan(nb);
            ratioLo = nan(nb);
            ratioHi = nan(nb);
        }

        boolean anyRatio() {
            for (double r : ratio) {
                if (Double.isFinite(r)) {
                    return true;
                }
            }
            return false;
        }

        private static double[] nan(int n) {
            double[] a = new double[n];
            java.util.Arrays.fill(a, Double.NaN);
            return a;
        }
    }
}
