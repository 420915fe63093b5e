package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Metric;

/**
 * Robust summaries of paired residuals (model − truth, conventional − truth on the same samples), overall and per
 * covariate bin: the bias (median) and resolution (MAD·1.4826) of each, the model's bias over the conventional
 * resolution, the bias excess (|bias_m| − |bias_c|)/σ_c and the resolution ratio σ_m/σ_c, each with its 95%
 * paired bootstrap interval ({@link Robust#ci}). {@code residuals.conventional} reports them; a bin with fewer than
 * {@value #MIN_PER_BIN} samples has none.
 */
final class BinnedResiduals {
    /** Samples a bin needs for its summary. */
    static final int MIN_PER_BIN = 10;

    private BinnedResiduals() {
    }

    /** One estimate with its interval; NaN when undefined. */
    record Value(double value, double low, double high) {
        static final Value NONE = new Value(Double.NaN, Double.NaN, Double.NaN);

        static Value of(double v, Robust.Ci ci) {
            return new Value(v, ci.low(), ci.high());
        }
    }

    /**
     * @param biasM median of model − truth
     * @param biasC median of conventional − truth
     * @param sigmaM robust width of model − truth
     * @param sigmaC robust width of conventional − truth
     * @param bor model bias over the conventional resolution
     * @param excess (|biasM| − |biasC|) / sigmaC
     * @param ratio sigmaM / sigmaC
     */
    record Summary(Value biasM, Value biasC, Value sigmaM, Value sigmaC, Value bor, Value excess, Value ratio) {
        static Summary of(double[] rm, double[] rc, int resamples, long seed) {
            int n = rm.length;
            double biasM = Robust.median(rm);
            double biasC = Robust.median(rc);
            double sigmaM = Robust.width(rm);
            double sigmaC = Robust.width(rc);
            double bor = sigmaC > 0 ? biasM / sigmaC : Double.NaN;
            double excess = sigmaC > 0 ? (Math.abs(biasM) - Math.abs(biasC)) / sigmaC : Double.NaN;
            double ratio = sigmaC > 0 ? sigmaM / sigmaC : Double.NaN;
            double[] a = new double[Math.min(n, Robust.MAX_BOOTSTRAP_N)];
            Robust.Ci[] ci = Robust.ci(n, idx -> {
                double mm = Robust.median(rm, idx, a);
                double mc = Robust.median(rc, idx, a);
                double wm = Robust.width(rm, idx, a);
                double wc = Robust.width(rc, idx, a);
                return new double[] {mm, mc, wm, wc, mm / wc, wm / wc, (Math.abs(mm) - Math.abs(mc)) / wc};
            }, new double[] {biasM, biasC, sigmaM, sigmaC, bor, ratio, excess}, resamples, seed);
            return new Summary(Value.of(biasM, ci[0]), Value.of(biasC, ci[1]), Value.of(sigmaM, ci[2]),
                    Value.of(sigmaC, ci[3]), Value.of(bor, ci[4]), Value.of(excess, ci[6]), Value.of(ratio, ci[5]));
        }

        /** @return true when the conventional resolution is positive, so that the ratios to it are defined */
        boolean scaled() {
            return sigmaC.value() > 0;
        }
    }

    /**
     * @param count samples in the bin
     * @param summary the bin's summary, or null with fewer than {@value #MIN_PER_BIN} samples
     */
    record Bin(int count, Summary summary) {
    }

    /** @return per bin of {@code bins}, the summary of the residuals whose covariate {@code x} falls in it */
    static List<Bin> of(double[] rm, double[] rc, double[] x, CovariateBins bins, int resamples, long seed) {
        List<Bin> out = new ArrayList<>();
        for (int k = 0; k < bins.size(); k++) {
            List<Integer> in = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                if (bins.bin(x[j]) == k) {
                    in.add(j);
                }
            }
            if (in.size() < MIN_PER_BIN) {
                out.add(new Bin(in.size(), null));
                continue;
            }
            int[] idx = in.stream().mapToInt(Integer::intValue).toArray();
            out.add(new Bin(idx.length, Summary.of(Robust.pick(rm, idx), Robust.pick(rc, idx), resamples, seed + 101L * k)));
        }
        return out;
    }

    /**
     * @return {values, lows, highs} over the bins of one summary value; NaN for bins without a summary, and for the
     *     ratios where the conventional resolution is 0
     */
    static double[][] series(List<Bin> bins, Function<Summary, Value> pick) {
        double[][] out = new double[3][bins.size()];
        for (int k = 0; k < bins.size(); k++) {
            Summary s = bins.get(k).summary();
            Value v = s == null ? Value.NONE : pick.apply(s);
            out[0][k] = v.value();
            out[1][k] = v.low();
            out[2][k] = v.high();
        }
        return out;
    }

    /** @return true when some bin has a defined resolution ratio */
    static boolean anyRatio(List<Bin> bins) {
        return bins.stream().anyMatch(b -> b.summary() != null && b.summary().scaled()
                && Double.isFinite(b.summary().ratio().value()));
    }

    /**
     * Adds the worst bin of {@code v} among the bins with {@code inApp[k] == inside} as a metric, with every such
     * bin's value and interval as its cases (the judge reads each bin's interval, not only the worst one's).
     *
     * @param byAbs worst by magnitude, else the largest
     */
    static void worst(Evidence ev, String name, double[] v, double[] lo, double[] hi, boolean[] inApp,
            boolean inside, boolean byAbs, String description, String unit) {
        worst(ev, name, v, lo, hi, inApp, inside, byAbs ? Math::abs : x -> x, description, unit);
    }

    /** As above, the worst bin being the one of largest {@code badness(value)}. */
    static void worst(Evidence ev, String name, double[] v, double[] lo, double[] hi, boolean[] inApp,
            boolean inside, java.util.function.DoubleUnaryOperator badness, String description, String unit) {
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
            if (w < 0 || badness.applyAsDouble(v[k]) > badness.applyAsDouble(v[w])) {
                w = k;
            }
        }
        if (w < 0) {
            return;
        }
        ev.metric(Metric.of(name, v[w], lo[w], hi[w], unit, description), toArray(cases), toArray(caseLo),
                toArray(caseHi));
    }

    static double[] toArray(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
