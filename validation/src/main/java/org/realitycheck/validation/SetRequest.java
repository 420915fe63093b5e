package org.realitycheck.validation;

import java.io.Serializable;
import java.util.Objects;

/**
 * One input set a {@link Check} reads, as it states in its {@link Check#plan plan}: the held-out set
 * (optionally only its samples with truth, or only the samples of one kind), {@code n} empty inputs,
 * {@code n} rare-object injections, or a sweep of one covariate. Two requests with the same {@link #key()}
 * read the same set: the driver makes it once, runs the model and the conventional method on it once,
 * and feeds every chunk to each check that asked for it (filtered to what each asked for).
 *
 * <p>A set is delivered in {@link Chunk chunks} of at most {@link #CHUNK} samples. The chunk size is part of
 * the plan, not of how the work is partitioned: the held-out set a seed defines, and the model's noise on
 * it, are the same whatever the number of partitions (chunk {@code k} of a simulated held-out set is drawn
 * from {@code Seeds.derive(seed, "heldout:" + k)}, see {@link Evaluations}).
 *
 * @param kind which set
 * @param n samples of an empty-inputs, injections or sweep set; 0 for the held-out set (its size is the run's)
 * @param truthOnly for the held-out set: only the samples that carry a truth
 * @param sampleKind for the held-out set: only the samples of this {@link org.realitycheck.core.Sample#kind()}, or null
 * @param covariate the swept covariate, or null
 * @param min the sweep's lower end
 * @param max the sweep's upper end
 */
public record SetRequest(Kind kind, int n, boolean truthOnly, String sampleKind, String covariate, double min, double max)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Samples per chunk: fixed, so that the data and seeds of a run never depend on the partitioning. */
    public static final int CHUNK = 1024;

    /** The kinds of input set. */
    public enum Kind {
        HELD_OUT, EMPTY_INPUTS, INJECTIONS, SWEEP
    }

    public SetRequest {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.HELD_OUT && n < 1) {
            throw new IllegalArgumentException(kind + " needs n >= 1, got " + n);
        }
        if (kind == Kind.SWEEP && (covariate == null || covariate.isBlank())) {
            throw new IllegalArgumentException("a sweep needs a covariate");
        }
    }

    /** @return the whole held-out set */
    public static SetRequest heldOut() {
        return new SetRequest(Kind.HELD_OUT, 0, false, null, null, Double.NaN, Double.NaN);
    }

    /** @return the held-out samples that carry a truth */
    public static SetRequest heldOutWithTruth() {
        return new SetRequest(Kind.HELD_OUT, 0, true, null, null, Double.NaN, Double.NaN);
    }

    /** @return the held-out samples of one kind (e.g. a user's own empty fields) */
    public static SetRequest heldOutOfKind(String sampleKind) {
        return new SetRequest(Kind.HELD_OUT, 0, false, Objects.requireNonNull(sampleKind, "sampleKind"), null, Double.NaN,
                Double.NaN);
    }

    /** @return {@code n} empty inputs ({@link org.realitycheck.core.Probes#emptyInputs}) */
    public static SetRequest emptyInputs(int n) {
        return new SetRequest(Kind.EMPTY_INPUTS, n, false, null, null, Double.NaN, Double.NaN);
    }

    /** @return {@code n} rare-object injections ({@link org.realitycheck.core.Probes#injections}) */
    public static SetRequest injections(int n) {
        return new SetRequest(Kind.INJECTIONS, n, false, null, null, Double.NaN, Double.NaN);
    }

    /** @return a sweep of {@code covariate} over {@code [min, max]} with {@code n} samples ({@link org.realitycheck.core.Probes#sweep}) */
    public static SetRequest sweep(String covariate, double min, double max, int n) {
        return new SetRequest(Kind.SWEEP, n, false, null, covariate, min, max);
    }

    /**
     * @return the identity of the underlying set (filters aside), also the purpose its seed is derived
     *     for: {@code heldout}, {@code empty:<n>}, {@code injections:<n>}, {@code sweep:<covariate>:<min>:<max>:<n>}
     */
    public String key() {
        return switch (kind) {
            case HELD_OUT -> "heldout";
            case EMPTY_INPUTS -> "empty:" + n;
            case INJECTIONS -> "injections:" + n;
            case SWEEP -> "sweep:" + covariate + ":" + min + ":" + max + ":" + n;
        };
    }

    /** @return the request for the whole underlying set, without filters */
    public SetRequest base() {
        return kind == Kind.HELD_OUT ? heldOut() : this;
    }

    /** @return true when this request keeps only part of each chunk */
    public boolean filtered() {
        return truthOnly || sampleKind != null;
    }
}
