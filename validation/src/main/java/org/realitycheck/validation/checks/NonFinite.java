package org.realitycheck.validation.checks;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Suite;

/**
 * Mergeable count of the model outputs that hold a NaN or infinite value, with the ids of the first few (by
 * global index, so the same whichever way the data was split). Every built-in check reports it:
 * {@code non_finite_count}, which the gate judges {@code upper: 0} by default ({@link Suite#NON_FINITE_COUNT}),
 * and {@code non_finite_fraction} with its Clopper–Pearson interval. Such outputs are never dropped from a
 * check's statistics silently: the check says how it counts them.
 */
final class NonFinite implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How many sample ids a note names. */
    static final int NAMED = 5;
    static final String COUNT = Suite.NON_FINITE_COUNT;
    static final String FRACTION = "non_finite_fraction";

    private long seen;
    private long bad;
    private final TreeMap<Long, String> first = new TreeMap<>();

    /** @return true when {@code output} holds a NaN or infinite value (it is then counted) */
    boolean add(long index, String id, float[] output) {
        seen++;
        if (finite(output)) {
            return false;
        }
        bad++;
        first.put(index, id);
        if (first.size() > NAMED) {
            first.pollLastEntry();
        }
        return true;
    }

    void merge(NonFinite o) {
        seen += o.seen;
        bad += o.bad;
        for (Map.Entry<Long, String> e : o.first.entrySet()) {
            first.put(e.getKey(), e.getValue());
            if (first.size() > NAMED) {
                first.pollLastEntry();
            }
        }
    }

    long count() {
        return bad;
    }

    long seen() {
        return seen;
    }

    /**
     * Adds {@code non_finite_count} and {@code non_finite_fraction} and, when any output is non-finite, a
     * note naming how many and the first samples.
     *
     * @param what the outputs counted, e.g. "on the held-out set"
     * @param counted how the check's statistics treat them, e.g. "they count as the worst case"
     */
    void report(Evidence ev, String what, String counted) {
        ev.metric(Metric.of(COUNT, bad, "counts", "Number of model outputs " + what + " holding a NaN or infinite "
                + "value (any is a FAIL unless the policy says otherwise)."));
        ev.metric(CheckSupport.rate(FRACTION, (int) bad, (int) seen, "Fraction of the " + seen + " model outputs "
                + what + " holding a NaN or infinite value (95% Clopper-Pearson)."));
        if (bad > 0) {
            ev.note(bad + " of " + seen + " model outputs " + what + " hold NaN or infinite values (first: "
                    + String.join(", ", first.values()) + (bad > first.size() ? ", ..." : "") + "); " + counted + ".");
        }
    }

    static boolean finite(float[] v) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
