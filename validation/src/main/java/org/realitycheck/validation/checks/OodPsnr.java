package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;

import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Seeds;

/**
 * {@code ood.covariate}'s image similarity across the sweep bins: the mean PSNR of model and conventional
 * method per bin and the model's advantage in dB; the worst bin carries every bin's value and interval.
 */
final class OodPsnr {
    private OodPsnr() {
    }

    static void measure(CheckContext ctx, Evidence ev, String prefix, String cov, CovariateBins bins, boolean log,
            List<double[][]> perBin, boolean[] inTrain, boolean[] inApp) {
        int nb = bins.size();
        double[][] v = new double[3][nb];
        double[][] lo = new double[3][nb];
        double[][] hi = new double[3][nb];
        List<Double> idPsnr = new ArrayList<>();
        for (int k = 0; k < nb; k++) {
            double[][] bin = perBin.get(k);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < bin[0].length; i++) {
                double pm = bin[0][i];
                double pc = bin[1][i];
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
        BinnedResiduals.worst(ev, name, v, lo, hi, inApp, inside, x -> -x, description, "dB");
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
}
