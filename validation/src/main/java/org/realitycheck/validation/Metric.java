package org.realitycheck.validation;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One number a check measured, with its confidence interval and unit. Intervals are two-sided at the
 * level the check states in its description (95% unless it says otherwise); a metric without an
 * interval has {@code low = high = NaN}.
 *
 * @param name stable id inside its check, e.g. {@code detection_rate} or {@code flux_total.bias}
 * @param value the point estimate; NaN when it could not be computed
 * @param low lower end of the confidence interval, or NaN
 * @param high upper end of the confidence interval, or NaN
 * @param unit the unit ({@code counts}, {@code dB}, {@code 1/GeV}); empty for pure numbers
 * @param description one sentence: what it is and how it was computed
 */
public record Metric(String name, double value, double low, double high, String unit, String description) {
    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name must be non-blank, got '" + name + "'");
        }
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        if (!Double.isNaN(low) && !Double.isNaN(high) && low > high) {
            throw new IllegalArgumentException("metric " + name + ": interval low " + low + " > high " + high);
        }
    }

    /** A metric without a confidence interval. */
    public static Metric of(String name, double value, String unit, String description) {
        return new Metric(name, value, Double.NaN, Double.NaN, unit, description);
    }

    /** A metric with a confidence interval {@code [low, high]}. */
    public static Metric of(String name, double value, double low, double high, String unit, String description) {
        return new Metric(name, value, low, high, unit, description);
    }

    /** @return true when the metric carries a confidence interval */
    @JsonIgnore
    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** @return a copy with another name (for per-observable or per-bin variants) */
    public Metric renamed(String newName) {
        return new Metric(Objects.requireNonNull(newName, "newName"), value, low, high, unit, description);
    }
}
