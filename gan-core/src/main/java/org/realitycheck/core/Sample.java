package org.realitycheck.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One example: a condition (what the instrument measured, flattened row-major), an optional target
 * (the truth, absent for real data), named covariates such as {@code redshift}, {@code pt} or
 * {@code eta}, a kind ({@code galaxy}, {@code empty}, {@code injected}, {@code track}, ...) and an
 * id. Values are in physical units; normalisation happens inside a {@link Generator}. The shapes of
 * condition and target are held by the {@link SampleSet}, which all its samples share.
 *
 * <p>Arrays are copied on the way in and out of the public accessors so a sample is immutable.
 */
public final class Sample {
    private final String id;
    private final String kind;
    private final float[] condition;
    private final float[] target;
    private final Map<String, Double> covariates;
    private final Map<String, String> metadata;

    /**
     * @param id unique id inside its set, never null or blank
     * @param kind what this sample is (domain vocabulary), never null
     * @param condition the measured input, flattened, never null
     * @param target the truth, flattened, or null when unknown (real data)
     * @param covariates named physical quantities (truth parameters, redshift, pT...), never null
     */
    public Sample(String id, String kind, float[] condition, float[] target, Map<String, Double> covariates) {
        this(id, kind, condition, target, covariates, Map.of());
    }

    /**
     * A sample that also carries text metadata: what a user's catalog holds beyond the covariates
     * (e.g. {@code source}, {@code survey}); kept for the reader, never used in computations.
     *
     * @param metadata column name → text value, never null
     */
    public Sample(String id, String kind, float[] condition, float[] target, Map<String, Double> covariates,
            Map<String, String> metadata) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must be non-blank, got '" + id + "'");
        }
        this.id = id;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.condition = Objects.requireNonNull(condition, "condition").clone();
        this.target = target == null ? null : target.clone();
        this.covariates = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(covariates, "covariates")));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /** A sample with a target and no covariates, of kind {@code "sample"}. */
    public static Sample of(String id, float[] condition, float[] target) {
        return new Sample(id, "sample", condition, target, Map.of());
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    /** @return a copy of the flattened condition */
    public float[] condition() {
        return condition.clone();
    }

    /** @return a copy of the flattened target, or empty when the truth is unknown */
    public Optional<float[]> target() {
        return target == null ? Optional.empty() : Optional.of(target.clone());
    }

    public boolean hasTarget() {
        return target != null;
    }

    /** @return the covariates, unmodifiable, in insertion order */
    public Map<String, Double> covariates() {
        return covariates;
    }

    /** @return the named covariate, or empty if this sample does not carry it */
    public OptionalDouble covariate(String name) {
        Double v = covariates.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** @return the text metadata (e.g. extra catalog columns), unmodifiable, in insertion order; empty when none */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Read-only view for hot loops inside this module: callers must not modify it. */
    float[] conditionView() {
        return condition;
    }

    /** Read-only view for hot loops inside this module: callers must not modify it; may be null. */
    float[] targetView() {
        return target;
    }

    @Override
    public String toString() {
        return "Sample[" + id + ", " + kind + ", condition=" + condition.length + " values, target="
                + (target == null ? "none" : target.length + " values") + ", covariates=" + covariates
                + (metadata.isEmpty() ? "" : ", metadata=" + metadata) + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Sample s)) {
            return false;
        }
        return id.equals(s.id) && kind.equals(s.kind) && Arrays.equals(condition, s.condition)
                && Arrays.equals(target, s.target) && covariates.equals(s.covariates) && metadata.equals(s.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, Arrays.hashCode(condition), Arrays.hashCode(target), covariates, metadata);
    }
}
