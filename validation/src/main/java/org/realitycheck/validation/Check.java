package org.realitycheck.validation;

import java.util.List;
import java.util.Map;

import org.realitycheck.core.Domain;

/**
 * A reality check: it asks the {@link Domain} for its inputs (held-out set, empty fields, sweeps,
 * injections), runs the model and the conventional method, and measures. The policy then judges the
 * measured {@link Evidence} ({@link Judge}); a check never decides PASS or FAIL itself, so every
 * threshold is the scientist's to set.
 *
 * <p>Checks are found through {@link java.util.ServiceLoader} ({@code META-INF/services/org.realitycheck.validation.Check}),
 * so a user's jar can add one. Implementations are stateless; everything a run needs comes from the
 * {@link CheckContext}.
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
     * Measures. Throwing makes the check ERROR with the exception's message; the other checks still run.
     *
     * @return the evidence, or {@link Evidence#skipped} with the reason
     */
    Evidence measure(CheckContext ctx) throws Exception;
}
