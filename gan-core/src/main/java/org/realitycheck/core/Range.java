package org.realitycheck.core;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A closed interval {@code [min, max]} of a covariate, as seen in training data. The
 * out-of-distribution check reads these from the model card.
 *
 * @param min the smallest value seen
 * @param max the largest value seen, {@code >= min}
 */
public record Range(double min, double max) {
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("range needs min <= max, got [" + min + ", " + max + "]");
        }
    }

    /** @return true when {@code min <= x <= max} */
    public boolean contains(double x) {
        return x >= min && x <= max;
    }

    /** @return the smallest range holding both */
    public Range union(Range o) {
        return new Range(Math.min(min, o.min), Math.max(max, o.max));
    }

    /** @return {@code max - min} */
    @JsonIgnore
    public double width() {
        return max - min;
    }
}
