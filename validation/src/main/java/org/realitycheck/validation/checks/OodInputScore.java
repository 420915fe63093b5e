package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.stats.ClassifierTest;
import org.realitycheck.validation.stats.Interval;
import org.realitycheck.validation.stats.Mahalanobis;
import org.realitycheck.validation.stats.Roc;
import org.realitycheck.validation.stats.RobustWidth;

/**
 * {@code ood.covariate}'s input-space out-of-distribution score: the Mahalanobis distance of summary features of
 * each sweep sample's condition to the in-training samples with even global index, and the AUROC of samples
 * beyond the application (else training) range against the in-training ones with odd index; informational.
 */
final class OodInputScore {
    static final String[] FEATURES = {"mean", "std", "q05", "q50", "q95", "max"};

    private OodInputScore() {
    }

    /** Mahalanobis distance on summary features of the condition, fitted on half of the in-training samples. */
    static void measure(Evidence ev, String prefix, String cov, List<Columns.Sorted> perBin, boolean[] inTrain,
            boolean[] inApp) {
        List<double[]> fit = new ArrayList<>();
        List<double[]> in = new ArrayList<>();
        List<double[]> outApp = new ArrayList<>();
        List<double[]> outTrain = new ArrayList<>();
        for (int k = 0; k < perBin.size(); k++) {
            Columns.Sorted s = perBin.get(k);
            for (int i = 0; i < s.size(); i++) {
                double[] f = new double[FEATURES.length];
                for (int j = 0; j < f.length; j++) {
                    f[j] = s.column(j)[i];
                }
                if (inTrain[k]) {
                    (s.index()[i] % 2 == 0 ? fit : in).add(f);
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
}
