package org.realitycheck.hep.sim;

/**
 * A decay in flight (e.g. π → μν): at transverse radius {@code radius} the charged track continues as a
 * charged daughter with its azimuth turned by {@code angle} and its p_T scaled by {@code ptFraction}.
 *
 * @param radius transverse radius of the decay, mm, {@code > 0}
 * @param angle azimuthal kink angle, rad, finite
 * @param ptFraction daughter p_T / parent p_T, in (0, 1]
 */
public record Kink(double radius, double angle, double ptFraction) {
    public Kink {
        if (!(radius > 0) || Double.isInfinite(radius) || !Double.isFinite(angle) || !(ptFraction > 0 && ptFraction <= 1)) {
            throw new IllegalArgumentException("need radius > 0, finite angle, ptFraction in (0, 1]; got " + radius
                    + ", " + angle + ", " + ptFraction);
        }
    }
}
