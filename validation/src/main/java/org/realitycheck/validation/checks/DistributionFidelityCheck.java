package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Observable;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.SetRequest;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Params;
import org.realitycheck.validation.Seeds;
import org.realitycheck.validation.stats.BenjaminiHochberg;
import org.realitycheck.validation.stats.ClassifierTest;
import org.realitycheck.validation.stats.Histogram;
import org.realitycheck.validation.stats.RobustWidth;
import org.realitycheck.validation.stats.SeparationPower;
import org.realitycheck.validation.stats.TestResult;
import org.realitycheck.validation.stats.TwoSample;
import org.realitycheck.validation.stats.Wasserstein;

/**
 * {@code distribution.fidelity}: do the model's outputs have the truth's distribution, not only the
 * right values on average? On the held-out set with truth, per observable, the distribution of the
 * model's values on a random half of the samples (A) against the distribution of the truth's values on
 * the same half, each statistic next to a truth-versus-truth baseline of the same size (truth on A
 * against truth on the other half, B), so that thresholds are ratios free of the sample size (Kansal
 * et al. 2023, arXiv:2211.10295: "always compared against a truth-versus-truth baseline"). The
 * distances compare distributions, not pairs, but on the same samples the sampling noise of the
 * comparison cancels: a model whose outputs are independent draws from the truth's distribution scores
 * about 1, one close to the truth sample by sample below 1, and a shifted or wrongly wide one far above.
 * <ul>
 *   <li>Wasserstein-1, two-sample KS D and separation power S = ½ Σ (h−g)²/(h+g) (CaloChallenge,
 *       arXiv:2410.21611; {@code bins} equal bins over the truth's 0.5–99.5% range, values beyond it
 *       counted in the end bins), each averaged over {@code splits} seeded random halvings, and their
 *       ratios to the baseline with 95% bootstrap CIs (on the first halving, each half resampled within
 *       itself);</li>
 *   <li>the KS p-values of model(A) against truth(B) (independent samples, so the p-value is valid),
 *       adjusted with Benjamini–Hochberg over the check's observables;</li>
 *   <li>a classifier two-sample test ({@link ClassifierTest}: logistic regression on the observables and
 *       their standardised squares, so that it sees wrong widths as well as shifts) of model(A) against
 *       truth(B), AUC with its Hanley–McNeil CI; 0.5 means indistinguishable; and the same for the
 *       conventional method on the same samples, halves and seed, whose difference ({@code
 *       classifier_auc_excess}) is 0 for the method itself.</li>
 * </ul>
 * The conventional method's W1 ratio is shown for context. SKIPPED when the data has no truth.
 */
public final class DistributionFidelityCheck implements Check {
    public static final String ID = "distribution.fidelity";
    static final List<String> SUFFIXES = List.of("w1", "w1_baseline", "w1_over_baseline", "ks_statistic",
            "ks_baseline", "ks_over_baseline", "ks_pvalue", "ks_pvalue_bh", "separation_power",
            "separation_power_baseline", "separation_power_over_baseline", "w1_over_baseline_conventional");
    private static final double LO_Q = 0.005;
    private static final double HI_Q = 0.995;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Distribution fidelity";
    }

    @Override
    public String protectsAgainst() {
        return "Outputs whose distribution is wrong (too narrow, too wide, shifted) although each one looks fine.";
    }

    @Override
    public String headline() {
        return "classifier_auc";
    }

    @Override
    public Map<String, Object> defaultParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("observables", List.of());
        p.put("bins", 40);
        p.put("splits", 8);
        p.put("fdr", 0.05);
        p.put("bootstrap_resamples", 200);
        return p;
    }

    @Override
    public void validateParams(Params p) {
        if (p.getInt("bins") < 2 || p.getInt("bins") > 1000) {
            throw new IllegalArgumentException("bins must be in [2, 1000], got " + p.getInt("bins"));
        }
        if (p.getInt("splits") < 1 || p.getInt("splits") > 100) {
            throw new IllegalArgumentException("splits must be in [1, 100], got " + p.getInt("splits"));
        }
        double q = p.getDouble("fdr");
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("fdr must be in (0, 1), got " + q);
        }
        if (p.getInt("bootstrap_resamples") < 20) {
            throw new IllegalArgumentException("bootstrap_resamples must be >= 20, got " + p.getInt("bootstrap_resamples"));
        }
    }

    @Override
    public List<String> metricNames(Domain domain) {
        return CheckSupport.perObservable(domain, List.of("classifier_auc", "classifier_auc_conventional", "classifier_auc_excess", "ks_rejections",
                "samples", NonFinite.COUNT, NonFinite.FRACTION), SUFFIXES);
    }

    @Override
    public List<SetRequest> plan(CheckContext ctx) {
        return List.of(SetRequest.heldOutWithTruth());
    }

    @Override
    public Accumulator accumulator(CheckContext ctx) {
        return new Acc(ObservableRows.of(observables(ctx), List.of()));
    }

    private static List<Observable> observables(CheckContext ctx) {
        return Selection.observables(ctx.domain(), ctx.params().getStrings("observables"));
    }

    /** The observables of every held-out sample with truth, by global index. */
    private static final class Acc extends TableAccumulator {
        private static final long serialVersionUID = 1L;

        Acc(ObservableRows rows) {
            super(rows);
        }

        @Override
        public Evidence finish(CheckContext ctx) {
            return new DistributionFidelityCheck().finish(ctx, rows, observables(ctx));
        }
    }

    private Evidence finish(CheckContext ctx, ObservableRows rows, List<Observable> observables) {
        Evidence ev = Evidence.create();
        rows.noteLeftOut(ev);
        if (rows.size() == 0) {
            return Evidence.skipped("the data has no truth: the model's distribution is compared with the truth's");
        }
        if (rows.size() < 20) {
            return Evidence.skipped("only " + rows.size() + " samples with truth; distribution tests need at least 20");
        }
        ObservableTable tab = rows.table(observables).observables();
        ev.metric(Metric.of("samples", rows.size(), "", "Held-out samples with truth, halved for each comparison."));
        measure(ctx, ev, tab);
        rows.nonFinite().report(ev, "on the held-out samples with truth", "their observables are undefined and left "
                + "out of the distributions, and non_finite_count judges them");
        return ev;
    }

    private void measure(CheckContext ctx, Evidence ev, ObservableTable tab) {
        Params p = ctx.params();
        int bins = p.getInt("bins");
        int splits = p.getInt("splits");
        int resamples = p.getInt("bootstrap_resamples");
        int k = tab.observables().size();
        List<String> names = new ArrayList<>();
        List<Double> pvalues = new ArrayList<>();
        for (int o = 0; o < k; o++) {
            Observable obs = tab.observables().get(o);
            String name = obs.name();
            int[] rows = Robust.finiteRows(tab.model()[o], tab.truth()[o]);
            int dropped = tab.size() - rows.length;
            if (dropped > 0) {
                ev.note(name + ": " + dropped + " samples where the model's or the truth's value is undefined were left out");
            }
            if (rows.length < 20) {
                ev.note(name + ": only " + rows.length + " samples with defined values; not compared");
                continue;
            }
            double[] m = Robust.pick(tab.model()[o], rows);
            double[] t = Robust.pick(tab.truth()[o], rows);
            double[] c = Robust.pick(tab.conventional()[o], rows);
            double lo = RobustWidth.quantile(t, LO_Q);
            double hi = RobustWidth.quantile(t, HI_Q);
            if (!(hi > lo)) {
                lo = RobustWidth.quantile(t, 0) - 0.5;
                hi = RobustWidth.quantile(t, 1) + 0.5;
            }
            double[] edges = Artifacts.edges(lo, hi, bins);
            long seed = Seeds.derive(ctx.seed(), name);
            int n = rows.length;
            int half = n / 2;
            double[] model = new double[3];
            double[] base = new double[3];
            double w1Conv = 0;
            int convSplits = 0;
            TestResult ks0 = null;
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int s = 0; s < splits; s++) {
                int[] perm = Robust.subsample(n, n, rnd.split());
                int[] a = java.util.Arrays.copyOfRange(perm, 0, half);
                int[] b = java.util.Arrays.copyOfRange(perm, half, 2 * half);
                double[] tb = Robust.pick(t, b);
                double[] ta = Robust.pick(t, a);
                double[] v = distances(Robust.pick(m, a), ta, edges);
                double[] w = distances(ta, tb, edges);
                for (int j = 0; j < 3; j++) {
                    model[j] += v[j] / splits;
                    base[j] += w[j] / splits;
                }
                if (s == 0) {
                    ks0 = TwoSample.ks(Robust.pick(m, a), tb);
                }
                double[] ca = Robust.finite(Robust.pick(c, a));
                if (ca.length >= 2) {
                    w1Conv += Wasserstein.w1(ca, Robust.finite(Robust.pick(t, a)));
                    convSplits++;
                }
            }
            double[] ratio = {ratio(model[0], base[0]), ratio(model[1], base[1]), ratio(model[2], base[2])};
            // bootstrap on the first halving: rows of A and rows of B are resampled within their half
            int[] perm0 = Robust.subsample(n, n, new SplittableRandom(seed).split());
            Robust.Ci[] ci = Robust.ci(2 * half, idx -> {
                int h = idx.length / 2;
                double[] ma = new double[h];
                double[] ta = new double[h];
                double[] tb = new double[h];
                for (int i = 0; i < h; i++) {
                    int a = perm0[idx[i] % half];
                    int b = perm0[half + idx[h + i] % half];
                    ma[i] = m[a];
                    ta[i] = t[a];
                    tb[i] = t[b];
                }
                double[] v = distances(ma, ta, edges);
                double[] w = distances(ta, tb, edges);
                return new double[] {ratio(v[0], w[0]), ratio(v[1], w[1]), ratio(v[2], w[2])};
            }, ratio, resamples, seed + 1);
            String unit = obs.unit();
            String halves = " (the model's values on a random half of the samples against the truth's on the same half, "
                    + "mean of " + splits + " halvings)";
            String tt = " (truth on one half against truth on the other: what sampling noise alone gives)";
            ev.metric(Metric.of(name + ".w1", model[0], unit, "Wasserstein-1 distance" + halves + "."));
            ev.metric(Metric.of(name + ".w1_baseline", base[0], unit, "Wasserstein-1 distance" + tt + "."));
            ev.metric(Metric.of(name + ".w1_over_baseline", ratio[0], ci[0].low(), ci[0].high(), "",
                    "Model-vs-truth W1 over the truth-vs-truth W1 of the same size, 95% bootstrap CI; about 1 when the "
                            + "distributions agree."));
            ev.metric(Metric.of(name + ".ks_statistic", model[1], "", "Two-sample Kolmogorov–Smirnov D" + halves + "."));
            ev.metric(Metric.of(name + ".ks_baseline", base[1], "", "Two-sample Kolmogorov–Smirnov D" + tt + "."));
            ev.metric(Metric.of(name + ".ks_over_baseline", ratio[1], ci[1].low(), ci[1].high(), "",
                    "Model-vs-truth KS D over the truth-vs-truth KS D, 95% bootstrap CI."));
            ev.metric(Metric.of(name + ".ks_pvalue", ks0.pValue(), "",
                    "KS p-value of the model on one half against the truth on the other (first halving)."));
            ev.metric(Metric.of(name + ".separation_power", model[2], "", "Separation power S = ½ Σ (h−g)²/(h+g) on "
                    + bins + " bins over the truth's 0.5–99.5% range" + halves + "; 0 identical, 1 disjoint."));
            ev.metric(Metric.of(name + ".separation_power_baseline", base[2], "", "Separation power" + tt + "."));
            ev.metric(Metric.of(name + ".separation_power_over_baseline", ratio[2], ci[2].low(), ci[2].high(), "",
                    "Model-vs-truth separation power over the truth-vs-truth one, 95% bootstrap CI."));
            if (convSplits > 0) {
                ev.metric(Metric.of(name + ".w1_over_baseline_conventional", w1Conv / convSplits / base[0], "",
                        "The conventional method's W1 to the truth over the same baseline, for context."));
            }
            names.add(name);
            pvalues.add(ks0.pValue());
            histogram(ev, obs, m, t, c, lo, hi);
        }
        if (!pvalues.isEmpty()) {
            double q = p.getDouble("fdr");
            double[] adj = BenjaminiHochberg.adjust(pvalues.stream().mapToDouble(Double::doubleValue).toArray());
            int rejected = 0;
            for (int i = 0; i < adj.length; i++) {
                ev.metric(Metric.of(names.get(i) + ".ks_pvalue_bh", adj[i], "",
                        "The KS p-value adjusted with Benjamini–Hochberg over the check's " + adj.length + " observables."));
                rejected += adj[i] <= q ? 1 : 0;
            }
            ev.metric(Metric.of("ks_rejections", rejected, "", "Observables whose distribution differs from the truth's "
                    + "at a false-discovery rate of " + Judge.fmt(q) + " (Benjamini–Hochberg over the KS p-values)."));
        }
        classifier(ctx, ev, tab);
    }

    /** @return a / b; 1 when both are 0 (as close as the baseline), NaN when only the baseline is 0 */
    static double ratio(double a, double b) {
        if (b > 0) {
            return a / b;
        }
        return a == 0 ? 1 : Double.NaN;
    }

    /** @return {W1, KS D, separation power} of two samples */
    private static double[] distances(double[] a, double[] b, double[] edges) {
        double w1 = Wasserstein.w1(a, b);
        double d = TwoSample.ks(a, b).statistic();
        double lo = edges[0];
        double hi = edges[edges.length - 1];
        Histogram h = Histogram.of(lo, hi, edges.length - 1);
        Histogram g = Histogram.of(lo, hi, edges.length - 1);
        for (double v : a) {
            h.add(Math.min(hi, Math.max(lo, v)));
        }
        for (double v : b) {
            g.add(Math.min(hi, Math.max(lo, v)));
        }
        return new double[] {w1, d, SeparationPower.of(h, g)};
    }

    private static void classifier(CheckContext ctx, Evidence ev, ObservableTable tab) {
        int k = tab.observables().size();
        int[] rows = Robust.finiteRows(concat(tab.model(), tab.truth()));
        if (rows.length < 40 || k == 0) {
            ev.note("classifier test: only " + rows.length + " samples with every observable defined; not run");
            return;
        }
        // standardise with the truth's median and robust width, then add squares: logistic regression sees
        // shifts through the first and wrong widths through the second
        double[] centre = new double[k];
        double[] scale = new double[k];
        for (int o = 0; o < k; o++) {
            double[] t = Robust.pick(tab.truth()[o], rows);
            centre[o] = Robust.median(t);
            double w = Robust.width(t);
            scale[o] = w > 0 ? w : 1;
        }
        long seed = Seeds.derive(ctx.seed(), "classifier");
        ClassifierTest.Result r = auc(tab.model(), tab.truth(), rows, centre, scale, seed);
        ev.metric(Metric.of("classifier_auc", r.auc(), r.ci().low(), r.ci().high(), "",
                "Held-out AUC of a logistic regression telling the model's observables (one half of the samples) from "
                        + "the truth's (the other half), on the standardised observables and their squares, "
                        + "Hanley–McNeil 95% CI; 0.5 means indistinguishable."));
        // the conventional method on the same rows, split and seed: identical to the model's when the model is
        // the method, so the difference isolates what the model adds
        int[] both = Robust.finiteRows(concat(concat(tab.model(), tab.conventional()), tab.truth()));
        if (both.length >= 40) {
            ClassifierTest.Result m = both.length == rows.length ? r : auc(tab.model(), tab.truth(), both, centre, scale, seed);
            ClassifierTest.Result c = auc(tab.conventional(), tab.truth(), both, centre, scale, seed);
            ev.metric(Metric.of("classifier_auc_conventional", c.auc(), c.ci().low(), c.ci().high(), "",
                    "The same classifier test for the conventional method's estimates (same samples, halves and seed)."));
            double se = Math.hypot(halfWidth(m.ci()), halfWidth(c.ci()));
            double d = m.auc() - c.auc();
            ev.metric(Metric.of("classifier_auc_excess", d, d - se, d + se, "",
                    "Classifier AUC of the model minus that of the conventional method on the same samples; 0 for the "
                            + "method itself; 95% CI from the two Hanley–McNeil intervals combined as independent "
                            + "(conservative: the two AUCs share their truth half)."));
        }
    }

    private static double halfWidth(org.realitycheck.validation.stats.Interval ci) {
        return 0.5 * (ci.high() - ci.low());
    }

    private static ClassifierTest.Result auc(double[][] estimate, double[][] truth, int[] rows, double[] centre,
            double[] scale, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perm = Robust.subsample(rows.length, rows.length, rnd.split());
        int half = rows.length / 2;
        return ClassifierTest.auc(features(truth, rows, perm, half, 2 * half, centre, scale),
                features(estimate, rows, perm, 0, half, centre, scale), rnd.nextLong());
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[][] features(double[][] values, int[] rows, int[] perm, int from, int to, double[] centre,
            double[] scale) {
        int k = values.length;
        double[][] out = new double[to - from][2 * k];
        for (int i = from; i < to; i++) {
            int row = rows[perm[i]];
            for (int o = 0; o < k; o++) {
                double z = (values[o][row] - centre[o]) / scale[o];
                out[i - from][o] = z;
                out[i - from][k + o] = z * z;
            }
        }
        return out;
    }

    private static void histogram(Evidence ev, Observable obs, double[] m, double[] t, double[] c, double lo, double hi) {
        double pad = 0.05 * (hi - lo);
        double[] edges = Artifacts.edges(lo - pad, hi + pad, 50);
        ev.artifact(new Artifact.Histograms("distribution." + obs.name(), obs.name() + ": distribution",
                "The model's, the conventional method's and the truth's values on the held-out set; a faithful model "
                        + "overlays the truth.", obs.name(), obs.unit(), edges,
                List.of(Artifacts.series("model", m, edges), Artifacts.series("conventional", c, edges),
                        Artifacts.series("truth", t, edges))));
    }
}
