package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.realitycheck.core.Range;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.stats.Histogram;

/** Builders of the report artifacts the checks of this package share. */
final class Artifacts {
    private static final NormalDistribution UNIT_NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private Artifacts() {
    }

    /** One overlaid histogram series of {@code x} on {@code edges} (counts, with under- and overflow). */
    static Artifact.Series series(String label, double[] x, double[] edges) {
        Histogram h = Histogram.of(edges[0], edges[edges.length - 1], edges.length - 1).addAll(Robust.finite(x));
        long[] c = h.counts();
        double[] d = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            d[i] = c[i];
        }
        return new Artifact.Series(label, d, h.underflow(), h.overflow(), false);
    }

    /** The expected counts of {@code n} draws from N(0, 1) on {@code edges}. */
    static Artifact.Series unitNormal(String label, int n, double[] edges) {
        double[] d = new double[edges.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = n * (UNIT_NORMAL.cumulativeProbability(edges[i + 1]) - UNIT_NORMAL.cumulativeProbability(edges[i]));
        }
        return new Artifact.Series(label, d, n * UNIT_NORMAL.cumulativeProbability(edges[0]),
                n * (1 - UNIT_NORMAL.cumulativeProbability(edges[edges.length - 1])), false);
    }

    /** {@code bins} equal edges over {@code [lo, hi]} (a unit range around lo when they coincide). */
    static double[] edges(double lo, double hi, int bins) {
        if (!(hi > lo)) {
            lo -= 0.5;
            hi = lo + 1;
        }
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = lo + (hi - lo) * i / bins;
        }
        return e;
    }

    /** Bands for the covariate's training and application ranges, where known. */
    static List<Artifact.Band> bands(CheckContext ctx, String covariate) {
        List<Artifact.Band> out = new ArrayList<>();
        Optional<Range> t = ctx.trainingRange(covariate);
        t.ifPresent(r -> out.add(new Artifact.Band("training range", "training", r.min(), r.max())));
        Optional<Range> a = ctx.applicationRange(covariate);
        a.ifPresent(r -> out.add(new Artifact.Band("application range", "application", r.min(), r.max())));
        return out;
    }

    /** @return the unit of the domain's observable named like {@code covariate} (pt: GeV), else empty (redshift, eta) */
    static String covariateUnit(CheckContext ctx, String covariate) {
        return ctx.domain().reference().observables().stream().filter(o -> o.name().equals(covariate))
                .map(org.realitycheck.core.Observable::unit).findFirst().orElse("");
    }

    /** A curve with error bars from per-point intervals (NaN ends are drawn without a bar). */
    static Artifact.Curve curve(String label, double[] x, double[] y, double[] lo, double[] hi) {
        return new Artifact.Curve(label, x.clone(), y.clone(), lo.clone(), hi.clone());
    }
}
