package org.realitycheck.validation.stats;

/**
 * A closed confidence interval {@code [low, high]}.
 *
 * @param low  the lower end, not NaN (may be -infinity)
 * @param high the upper end, not NaN, {@code >= low}
 */
public record Interval(double low, double high) {

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            throw new IllegalArgumentException("low and high must not be NaN, got [" + low + ", " + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException("low must be <= high, got [" + low + ", " + high + "]");
        }
    }

    /** Whether {@code low <= x <= high} (both ends inclusive); false for NaN. */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** {@code high - low}. */
    public double width() {
        return high - low;
    }
}
