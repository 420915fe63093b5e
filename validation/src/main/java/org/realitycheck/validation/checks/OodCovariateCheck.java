package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Range;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.SetRequest;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Params;
import org.realitycheck.validation.stats.Mahalanobis;

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
 * losing most of a faint galaxy's light, so the bias is judged per observable.
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
        out.add(NonFinite.COUNT);
        out.add(NonFinite.FRACTION);
        return out;
    }

    /** The covariates this run sweeps: the primary one first, then the extra ones. */
    private static List<String> covariates(CheckContext ctx) {
        List<String> covariates = new ArrayList<>();
        covariates.add(primary(ctx));
        covariates.addAll(ctx.params().getStrings("extra_covariates"));
        return covariates;
    }

    private static String primary(CheckContext ctx) {
        String c = ctx.params().getString("covariate");
        return c.isBlank() ? ctx.domain().probes().primaryCovariate() : c;
    }

    @Override
    public List<SetRequest> plan(CheckContext ctx) {
        List<SetRequest> out = new ArrayList<>();
        if (ctx.trainingRange(primary(ctx)).isEmpty()) {
            return out;
        }
        int perBin = ctx.params().getInt("samples_per_bin");
        for (String cov : covariates(ctx)) {
            if (ctx.trainingRange(cov).isPresent()) {
                OodLayout l = OodLayout.of(ctx, cov, cov.equals(primary(ctx)), Evidence.create());
                for (int k = 0; k < l.bins().size(); k++) {
                    out.add(l.bin(k, perBin));
                }
            }
        }
        if (!ctx.evaluations().simulated()) {
            out.add(SetRequest.heldOut());
        }
        return out;
    }

    @Override
    public Accumulator accumulator(CheckContext ctx) {
        Map<String, double[]> train = new LinkedHashMap<>();
        for (String cov : covariates(ctx)) {
            ctx.trainingRange(cov).ifPresent(r -> train.put(cov, new double[] {r.min(), r.max()}));
        }
        return new Acc(observables(ctx).stream().map(Observable::name).toList(), ctx.params().getBoolean("psnr"), train,
                plan(ctx));
    }

    private static List<Observable> observables(CheckContext ctx) {
        return Selection.observables(ctx.domain(), ctx.params().getStrings("observables"));
    }

    private static final class Acc extends OodAccumulator {
        private static final long serialVersionUID = 1L;

        Acc(List<String> observables, boolean psnr, Map<String, double[]> training, List<SetRequest> plan) {
            super(observables, psnr, training, plan);
        }

        @Override
        public Evidence finish(CheckContext ctx) {
            return OodCovariateCheck.finish(ctx, this, observables(ctx));
        }
    }

    private static Evidence finish(CheckContext ctx, OodAccumulator acc, List<Observable> observables) {
        String primary = primary(ctx);
        Evidence ev = Evidence.create();
        if (ctx.trainingRange(primary).isEmpty()) {
            return Evidence.skipped("the model card records no training range for '" + primary
                    + "', so in- and out-of-distribution cannot be told apart");
        }
        List<String> covariates = covariates(ctx);
        boolean any = false;
        for (String cov : covariates) {
            if (ctx.trainingRange(cov).isEmpty()) {
                ev.note("covariate '" + cov + "': the model card records no training range; not swept");
                continue;
            }
            any |= sweep(ctx, ev, OodLayout.of(ctx, cov, cov.equals(primary), ev), acc, observables);
        }
        if (!any) {
            return Evidence.skipped("the domain cannot sweep covariate '" + primary + "'");
        }
        if (!ctx.evaluations().simulated()) {
            for (String cov : covariates) {
                ctx.trainingRange(cov).ifPresent(r -> dataCoverage(ev, cov, cov.equals(primary) ? "" : cov + ".", r,
                        acc.coverage(cov)));
            }
        }
        acc.nonFinite().report(ev, "on the sweeps", "their observables and PSNR are undefined and left out of the "
                + "bins, and non_finite_count judges them");
        return ev;
    }

    /** Reports one covariate's sweep; false when the domain cannot sweep it. */
    private static boolean sweep(CheckContext ctx, Evidence ev, OodLayout l, OodAccumulator acc, List<Observable> observables) {
        Params p = ctx.params();
        String cov = l.cov();
        String prefix = l.prefix();
        int perBin = p.getInt("samples_per_bin");
        int nb = l.bins().size();
        List<ObservableTable> tables = new ArrayList<>();
        List<double[][]> psnr = new ArrayList<>();
        List<Columns.Sorted> features = new ArrayList<>();
        int[] counts = new int[nb];
        for (int k = 0; k < nb; k++) {
            OodAccumulator.Bin bin = acc.bin(l.bin(k, perBin).key());
            if (bin == null || bin.rows().size() == 0) {
                ev.note("the domain cannot sweep covariate '" + cov + "'");
                return false;
            }
            if (bin.rows().withoutTruth() > 0) {
                return skipNoTruth(ev, cov);
            }
            counts[k] = bin.rows().size();
            tables.add(bin.rows().table(observables).observables());
            Columns.Sorted ps = bin.psnr().sorted();
            psnr.add(new double[][] {ps.column(0), ps.column(1)});
            features.add(bin.features().sorted());
        }
        boolean[] inTrain = l.inTrain();
        boolean[] inApp = l.inApp();
        int nTrain = 0;
        int nApp = 0;
        for (int k = 0; k < nb; k++) {
            nTrain += inTrain[k] ? 1 : 0;
            nApp += inApp[k] ? 1 : 0;
        }
        double[] range = l.range();
        Range train = l.train();
        Range app = l.app();
        String where = cov + " in [" + Judge.fmt(range[0]) + ", " + Judge.fmt(range[1]) + "], " + nb + " bins of "
                + perBin + " samples; training range [" + Judge.fmt(train.min()) + ", " + Judge.fmt(train.max())
                + "], application range [" + Judge.fmt(app.min()) + ", " + Judge.fmt(app.max()) + "]";
        ev.note("sweep: " + where + (prefix.isEmpty() ? "" : "; the other covariates follow the domain's default priors, "
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
        for (int o = 0; o < observables.size(); o++) {
            OodObservable.measure(ctx, ev, prefix, cov, l.bins(), l.log(), tables, o, inTrain, inApp);
        }
        if (p.getBoolean("psnr")) {
            OodPsnr.measure(ctx, ev, prefix, cov, l.bins(), l.log(), psnr, inTrain, inApp);
        }
        OodInputScore.measure(ev, prefix, cov, features, inTrain, inApp);
        OodObservable.degradationHeadline(ev, prefix, observables);
        table(ev, prefix, cov, l.bins(), counts, inTrain, inApp);
        return true;
    }

    /**
     * Where the user's own samples lie against the card's training range (needs no truth): the fraction
     * beyond it, Clopper–Pearson, shown and not judged by the shipped policies.
     */
    private static void dataCoverage(Evidence ev, String cov, String prefix, Range train, long[] counts) {
        int n = (int) counts[0];
        int out = (int) counts[1];
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

    private static void table(Evidence ev, String prefix, String cov, CovariateBins bins, int[] counts,
            boolean[] inTrain, boolean[] inApp) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < bins.size(); k++) {
            rows.add(List.of(Integer.toString(k), bins.label(k), Integer.toString(counts[k]),
                    inTrain[k] ? "yes" : "no", inApp[k] ? "judged" : "shown only"));
        }
        ev.artifact(new Artifact.Table(prefix + "sweep_bins." + cov, "Sweep bins of " + cov,
                "Each bin is simulated with its own samples; bins inside the training range are the in-distribution "
                        + "reference, bins inside the application range are judged.",
                List.of("bin", cov, "samples", "in training range", "application range"), rows));
    }

}
