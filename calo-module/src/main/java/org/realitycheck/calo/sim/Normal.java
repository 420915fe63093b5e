package org.realitycheck.calo.sim;

import java.util.SplittableRandom;

/** Seeded normal and Gamma variates from a {@link SplittableRandom} (the simulator's only randomness). */
final class Normal {
    private Normal() {
    }

    /** A standard normal variate (Marsaglia's polar method, one of the pair). */
    static double next(SplittableRandom rnd) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rnd.nextDouble() - 1;
            v = 2 * rnd.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /**
     * A Gamma(shape, 1) variate: Marsaglia &amp; Tsang, ACM TOMS 26 (2000) 363; for shape &lt; 1 the boost
     * Gamma(shape + 1)·U^{1/shape}.
     */
    static double gamma(double shape, SplittableRandom rnd) {
        if (shape < 1) {
            double u = rnd.nextDouble();
            return gamma(shape + 1, rnd) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = next(rnd);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
