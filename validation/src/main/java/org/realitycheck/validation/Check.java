package org.realitycheck.validation;

import java.util.List;
import java.util.Map;

import org.realitycheck.core.Domain;

/**
 * A reality check: it names the inputs it reads (held-out set, empty fields, sweeps, injections), sees the
 * model's and the conventional method's outputs on them, and measures. The policy then judges the measured
 * {@link Evidence} ({@link Judge}); a check never decides PASS or FAIL itself, so every threshold is the
 * scientist's to set.
 *
 * <p><b>One pass over the data.</b> A check states its inputs with {@link #plan} and measures with an
 * {@link Accumulator} ({@link #accumulator}): the driver ({@link OnePass}) makes each requested set once, in
 * {@link Chunk chunks}, runs the model and the conventional method once per chunk, and feeds each chunk to
 * every accumulator that requested its set; at the end {@link Accumulator#finish} turns the merged state
 * into evidence. Accumulators hold plain, mergeable data only, so that the same check runs split over
 * threads or machines and gives the same evidence for the same seed. Intervals that must come from
 * mergeable state use a Poisson bootstrap whose weights hash the check's seed, the set and each sample's
 * global index ({@code stats.PoissonBootstrap}), or per-sample scalars kept with their global index and put
 * back in order at the end.
 *
 * <p>{@link #measure} is the one-process entry point: by default it plans, streams and finishes. A check
 * written before accumulators existed may instead override {@link #measure} alone (and leave
 * {@link #accumulator} null): the driver then hands it the whole {@link Evaluations} after the pass, which
 * holds every set it asks for in memory.
 *
 * <p>Every built-in check counts the model's non-finite outputs (NaN or infinite values) against it:
 * {@code non_finite_count} (judged {@code upper: 0}, severity fail, unless the policy sets its own threshold)
 * and {@code non_finite_fraction} with its Clopper–Pearson interval, naming the first samples in a note.
 *
 * <p>Checks are found through {@link java.util.ServiceLoader} ({@code META-INF/services/org.realitycheck.validation.Check}),
 * so a user's jar can add one. Implementations are stateless; everything a run needs comes from the
 * {@link CheckContext}. The contract kit in validation's test-jar ({@code CheckContractTest}) tests a check
 * against all of the above.
 */
public interface Check {
    /** @return a stable, lower-case, dotted id, e.g. {@code hallucination.empty-fields} */
    String id();

    /** @return a short title for the report */
    String title();

    /** @return one sentence on what this check protects against (the report shows it) */
    String protectsAgainst();

    /** @return the metric the report's summary table shows */
    String headline();

    /**
     * The parameters this check reads from its policy section, with their defaults. The policy parser
     * rejects any other key and any value whose type differs from the default's (Integer, Double,
     * Boolean, String or a List of Strings).
     */
    Map<String, Object> defaultParams();

    /**
     * Rejects impossible parameter values.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the rule
     */
    default void validateParams(Params params) {
    }

    /**
     * The metric names this check can report for a domain (per-observable metrics are named
     * {@code <observable>.<metric>}). Policy threshold keys must match one of them, literally or as a
     * glob with {@code *}.
     */
    List<String> metricNames(Domain domain);

    /**
     * @return the sets this check reads in this run (may depend on its parameters and on whether the data is
     *     simulated); empty for a check that only overrides {@link #measure}
     */
    default List<SetRequest> plan(CheckContext ctx) {
        return List.of();
    }

    /**
     * @return a new, empty accumulator for this run (parameters are read here, once), or null for a check that
     *     only overrides {@link #measure}
     */
    default Accumulator accumulator(CheckContext ctx) {
        return null;
    }

    /**
     * Measures in one process. Throwing makes the check ERROR with the exception's message; the other checks
     * still run. The default streams every chunk of every planned set through one {@link #accumulator} and
     * finishes it ({@link OnePass#measure}).
     *
     * @return the evidence, or {@link Evidence#skipped} with the reason
     */
    default Evidence measure(CheckContext ctx) throws Exception {
        return OnePass.measure(this, ctx);
    }
}
