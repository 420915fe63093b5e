package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Seeds;
import org.realitycheck.validation.stats.Binomial;
import org.realitycheck.validation.stats.Bootstrap;
import org.realitycheck.validation.stats.Histogram;
import org.realitycheck.validation.stats.Interval;
import org.realitycheck.validation.stats.RobustWidth;

/**
 * Helpers the checks of this package share: metrics with their confidence intervals (exact binomial,
 * seeded percentile bootstrap, paired bootstrap of a difference), the reference image plane of a
 * target shape, overlaid histograms, and the injection subtypes of a set. Every interval is two-sided
 * at {@value #LEVEL}.
 */
final class CheckSupport {
    /** Confidence level of every interval the checks report. */
    static final double LEVEL = 0.95;

    private CheckSupport() {
    }

    /**
     * The plane of an image-shaped output the checks show and measure: {@code [H, W]} itself, and for a
     * stack {@code [..., H, W]} its middle plane (of {@code [g, r, i]} the r band, the band the
     * astronomer's reference photometry uses; of one band, that band). Shapes whose last two sides are
     * not both at least 4 (vectors, track parameters) are not images.
     *
     * @param offset index of the plane's first value in the flattened array
     */
    record Plane(int offset, int width, int height) {
        /** @return the plane's values, row-major, copied */
        float[] of(float[] flat) {
            return Arrays.copyOfRange(flat, offset, offset + width * height);
        }

        int size() {
            return width * height;
        }
    }

    /** @return the reference plane of a per-sample shape, or empty when the shape is not an image */
    /**
     * @return {@code fixed} followed by {@code <observable>.<suffix>} for every observable of the
     *     domain and every suffix, the metric names of a per-observable check
     */
    static List<String> perObservable(org.realitycheck.core.Domain domain, List<String> fixed, List<String> suffixes) {
        List<String> out = new ArrayList<>(fixed);
        for (org.realitycheck.core.Observable o : domain.reference().observables()) {
            for (String s : suffixes) {
                out.add(o.name() + "." + s);
            }
        }
        return out;
    }

    /**
     * The samples of {@code set} that carry a truth; when some do not, a note on {@code ev} says how
     * many were left out. Empty when none has a truth (the caller skips with its reason).
     */
    static SampleSet withTruth(SampleSet set, Evidence ev) {
        if (set.allHaveTargets()) {
            return set;
        }
        SampleSet kept = set.filter(Sample::hasTarget);
        if (!kept.isEmpty()) {
            ev.note((set.size() - kept.size()) + " of " + set.size() + " samples have no truth and were left out");
        }
        return kept;
    }

    static Optional<Plane> plane(long[] shape) {
        if (shape.length < 2) {
            return Optional.empty();
        }
        long h = shape[shape.length - 2];
        long w = shape[shape.length - 1];
        if (h < 4 || w < 4) {
            return Optional.empty();
        }
        long planes = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            planes *= shape[i];
        }
        return Optional.of(new Plane((int) (planes / 2 * h * w), (int) w, (int) h));
    }

    /** A rate {@code k/n} with its Clopper–Pearson interval; NaN without cases. */
    static Metric rate(String name, int k, int n, String description) {
        if (n == 0) {
            return Metric.of(name, Double.NaN, "", description);
        }
        Interval ci = Binomial.clopperPearson(k, n, LEVEL);
        return Metric.of(name, (double) k / n, ci.low(), ci.high(), "", description);
    }

    /** The mean of {@code x} (finite values only) with a seeded percentile-bootstrap interval; NaN when empty. */
    static Metric mean(String name, double[] x, int resamples, long seed, String unit, String description) {
        double[] v = finite(x);
        if (v.length == 0) {
            return Metric.of(name, Double.NaN, unit, description);
        }
        Interval ci = Bootstrap.ci(v, CheckSupport::mean, resamples, LEVEL, Seeds.derive(seed, name));
        return Metric.of(name, mean(v), ci.low(), ci.high(), unit, description);
    }

    /** The median of {@code x} (finite values only) with a seeded percentile-bootstrap interval; NaN when empty. */
    static Metric median(String name, double[] x, int resamples, long seed, String unit, String description) {
        double[] v = finite(x);
        if (v.length == 0) {
            return Metric.of(name, Double.NaN, unit, description);
        }
        Interval ci = Bootstrap.ci(v, RobustWidth::median, resamples, LEVEL, Seeds.derive(seed, name));
        return Metric.of(name, RobustWidth.median(v), ci.low(), ci.high(), unit, description);
    }

    /**
     * {@code mean(a) − mean(b)} over pairs (the same inputs through two methods), with a paired
     * bootstrap interval (cases resampled together, so the shared input noise cancels). Pairs where
     * either value is not finite are dropped; NaN when none is left.
     */
    static Metric pairedDifference(String name, double[] a, double[] b, int resamples, long seed, String unit,
            String description) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                pairs.add(new double[] {a[i], b[i]});
            }
        }
        if (pairs.isEmpty()) {
            return Metric.of(name, Double.NaN, unit, description);
        }
        int n = pairs.size();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = pairs.get(i)[0] - pairs.get(i)[1];
        }
        Interval ci = Bootstrap.ci(d, CheckSupport::mean, resamples, LEVEL, Seeds.derive(seed, name));
        return Metric.of(name, mean(d), ci.low(), ci.high(), unit, description);
    }

    /**
     * {@code Σa / Σb} over pairs of 0/1 outcomes (e.g. recovered by the model, by the conventional
     * method) with a paired bootstrap interval; a resample where {@code Σb = 0} counts as +∞ (or 1 when
     * {@code Σa = 0} too). NaN without interval when {@code Σb = 0}.
     */
    static Metric ratio(String name, boolean[] a, boolean[] b, int resamples, long seed, String description) {
        int n = a.length;
        int ka = count(a);
        int kb = count(b);
        if (n == 0 || kb == 0) {
            return Metric.of(name, Double.NaN, "", description);
        }
        Interval ci = Bootstrap.ci(n, idx -> {
            int x = 0;
            int y = 0;
            for (int i : idx) {
                x += a[i] ? 1 : 0;
                y += b[i] ? 1 : 0;
            }
            return y == 0 ? (x == 0 ? 1.0 : Double.POSITIVE_INFINITY) : (double) x / y;
        }, resamples, LEVEL, Seeds.derive(seed, name));
        return Metric.of(name, (double) ka / kb, ci.low(), ci.high(), "", description);
    }

    static int count(boolean[] x) {
        int k = 0;
        for (boolean v : x) {
            k += v ? 1 : 0;
        }
        return k;
    }

    static double[] asDoubles(boolean[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] ? 1 : 0;
        }
        return d;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    /**
     * Overlaid histograms on one binning that spans the finite values of every series (between their
     * 0.5% and 99.5% quantiles when {@code trimTails}, so one wild case does not squash the rest into
     * a bin; the cut cases land in the under- and overflow).
     *
     * @param series legend label → values (NaN values are left out)
     * @return the artifact, or empty when no series has a finite value
     */
    static Optional<Artifact.Histograms> histograms(String name, String title, String caption, String xLabel,
            String unit, int bins, boolean trimTails, Map<String, double[]> series) {
        List<Double> all = new ArrayList<>();
        for (double[] s : series.values()) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    all.add(v);
                }
            }
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        double[] pooled = all.stream().mapToDouble(Double::doubleValue).toArray();
        double lo = trimTails ? RobustWidth.quantile(pooled, 0.005) : Arrays.stream(pooled).min().orElseThrow();
        double hi = trimTails ? RobustWidth.quantile(pooled, 0.995) : Arrays.stream(pooled).max().orElseThrow();
        if (!(hi > lo)) {
            double pad = Math.max(1e-9, Math.abs(lo) * 0.05 + 0.5);
            lo -= pad;
            hi += pad;
        } else {
            double pad = 0.02 * (hi - lo);
            lo -= pad;
            hi += pad;
        }
        List<Artifact.Series> out = new ArrayList<>();
        double[] edges = null;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            Histogram h = Histogram.of(lo, hi, bins).addAll(e.getValue());
            edges = h.edges();
            long[] c = h.counts();
            double[] counts = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                counts[i] = c[i];
            }
            out.add(new Artifact.Series(e.getKey(), counts, h.underflow(), h.overflow(), false));
        }
        return Optional.of(new Artifact.Histograms(name, title, caption, xLabel, unit, edges, out));
    }

    /** The covariates naming an injection's subtype, in the order they are looked for. */
    static final List<String> SUBTYPE_COVARIATES = List.of("subtype", "inj_type");

    /**
     * The injection subtype of every sample: covariate {@code subtype} or {@code inj_type} (rounded to
     * an integer), or empty when no sample carries either.
     *
     * @return subtype → indices of its samples, by subtype
     */
    static Map<Integer, List<Integer>> subtypes(SampleSet set) {
        for (String cov : SUBTYPE_COVARIATES) {
            Map<Integer, List<Integer>> by = new TreeMap<>();
            boolean any = false;
            for (int i = 0; i < set.size(); i++) {
                var v = set.get(i).covariate(cov);
                if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                    any = true;
                    by.computeIfAbsent((int) Math.round(v.getAsDouble()), k -> new ArrayList<>()).add(i);
                }
            }
            if (any) {
                return by;
            }
        }
        return Map.of();
    }

    /**
     * A readable name for a group of samples from their ids, when the ids follow the domains'
     * {@code <prefix>-<name>-<number>} pattern and agree ({@code inj-point-000003} → {@code point});
     * otherwise {@code fallback}.
     */
    static String nameFromIds(SampleSet set, List<Integer> indices, String fallback) {
        String name = null;
        for (int i : indices) {
            String n = nameOfId(set.get(i).id());
            if (n == null || (name != null && !name.equals(n))) {
                return fallback;
            }
            name = n;
        }
        return name == null ? fallback : name;
    }

    /** @return the name part of an id that follows {@code <prefix>-<name>-<number>} ({@code inj-point-000003} → {@code point}), or null */
    static String nameOfId(String id) {
        String stem = id.replaceFirst("-?\\d+$", "");
        int dash = stem.lastIndexOf('-');
        String n = dash >= 0 ? stem.substring(dash + 1) : stem;
        return n.isEmpty() ? null : n;
    }

    /** @return {@code map} with insertion order kept (for series order in artifacts) */
    static Map<String, double[]> series(String l1, double[] v1, String l2, double[] v2) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(l1, v1);
        m.put(l2, v2);
        return m;
    }

    /** @return the index of a panel's largest value */
    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** @return whether a sample has both named covariates */
    static boolean has(Sample s, String a, String b) {
        return s.covariate(a).isPresent() && s.covariate(b).isPresent();
    }
}
