package org.realitycheck.validation.checks;

import org.realitycheck.core.Range;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Params;
import org.realitycheck.validation.SetRequest;

/** How one covariate is swept: its range, scale and bins, and which bins lie in the training and application ranges. */
record OodLayout(String cov, String prefix, double[] range, boolean log, CovariateBins bins, Range train,
        Range app, boolean[] inTrain, boolean[] inApp) {
    static OodLayout of(CheckContext ctx, String cov, boolean primary, Evidence notes) {
        Params p = ctx.params();
        Range train = ctx.trainingRange(cov).orElseThrow();
        Range app = ctx.applicationRange(cov).orElse(train);
        boolean log = primary && p.getBoolean("log_scale");
        double[] range = sweepRange(p, train, app, log, primary);
        if (log && !(range[0] > 0)) {
            notes.note(cov + ": the sweep reaches " + Judge.fmt(range[0]) + ", so it is binned linearly, not in log");
            log = false;
        }
        CovariateBins bins = CovariateBins.withBoundaries(range[0], range[1], p.getInt("bins"), log, app.min(),
                app.max(), train.min(), train.max());
        int nb = bins.size();
        boolean[] inTrain = new boolean[nb];
        boolean[] inApp = new boolean[nb];
        for (int k = 0; k < nb; k++) {
            inTrain[k] = train.contains(bins.centre(k));
            inApp[k] = app.contains(bins.centre(k));
        }
        return new OodLayout(cov, primary ? "" : cov + ".", range, log, bins, train, app, inTrain, inApp);
    }

    SetRequest bin(int k, int perBin) {
        return SetRequest.sweep(cov, bins.low(k), bins.high(k), perBin);
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
}
