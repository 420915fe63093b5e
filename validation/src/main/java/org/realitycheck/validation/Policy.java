package org.realitycheck.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.realitycheck.core.Range;

/**
 * A validation policy: which checks run, with which parameters and thresholds, and where the
 * scientist means to use the model. One format for every domain, read by {@link PolicyParser} from
 * YAML or JSON (schema: {@code org/realitycheck/validation/policy.schema.json}).
 *
 * @param schemaVersion the policy format version, {@value #SCHEMA_VERSION}
 * @param domain the domain the policy was written for, or null for any
 * @param seed the default seed of a run, or null (the command's {@code --seed} wins)
 * @param samples held-out samples the domain simulates when no data is given
 * @param application the application range per covariate; covariates not named here default to the
 *     model card's training range
 * @param checks per check id, in the order they are listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policy(int schemaVersion, String domain, Long seed, int samples, Map<String, Range> application,
        Map<String, CheckPolicy> checks) {
    /** The policy format this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public Policy {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        application = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(application, "application")));
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(checks, "checks")));
    }

    /** @return the section of a check, if the policy names it */
    public Optional<CheckPolicy> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** @return this policy with another application range for one covariate */
    public Policy withApplication(String covariate, Range range) {
        Map<String, Range> a = new LinkedHashMap<>(application);
        a.put(covariate, range);
        return new Policy(schemaVersion, domain, seed, samples, a, checks);
    }

    /** @return this policy with another held-out sample count */
    public Policy withSamples(int n) {
        return new Policy(schemaVersion, domain, seed, n, application, checks);
    }

    /**
     * One check's section.
     *
     * @param enabled false to skip the check
     * @param params the parameters given in the policy (defaults are the check's own)
     * @param thresholds metric name or glob → threshold, in policy order
     */
    public record CheckPolicy(boolean enabled, Map<String, Object> params, Map<String, Threshold> thresholds) {
        public CheckPolicy {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }
    }

    /**
     * A threshold on one metric (or on every metric a glob matches). Bounds are inclusive.
     *
     * @param lower the smallest acceptable value, or null
     * @param upper the largest acceptable value, or null
     * @param mostly with bounds: the fraction of the metric's cases (samples, bins, observables) that
     *     must lie within them, in [0, 1]; or null to judge the metric's value itself
     * @param change the largest acceptable change against the baseline run, or null
     * @param severity what a violation raises
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Threshold(Double lower, Double upper, Double mostly, Change change, Severity severity) {
        public Threshold {
            Objects.requireNonNull(severity, "severity");
            if (lower == null && upper == null && change == null) {
                throw new IllegalArgumentException("a threshold needs lower, upper or change");
            }
            if (lower != null && upper != null && lower > upper) {
                throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
            }
            if (mostly != null && (lower == null && upper == null)) {
                throw new IllegalArgumentException("mostly needs lower or upper");
            }
            if (mostly != null && !(mostly >= 0 && mostly <= 1)) {
                throw new IllegalArgumentException("mostly must be a fraction in [0, 1], got " + mostly);
            }
        }
    }

    /**
     * A change threshold against the baseline run: the metric may move in the {@code worse} direction
     * by at most {@code absolute} (in the metric's unit) or {@code relative} (a fraction of the
     * baseline value); exactly one of the two is given.
     *
     * @param worse {@code increase} when a larger value is worse, {@code decrease} when a smaller one is
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(Double absolute, Double relative, String worse) {
        public Change {
            if ((absolute == null) == (relative == null)) {
                throw new IllegalArgumentException("change needs exactly one of absolute and relative");
            }
            if (absolute != null && !(absolute >= 0)) {
                throw new IllegalArgumentException("change.absolute must be >= 0, got " + absolute);
            }
            if (relative != null && !(relative >= 0)) {
                throw new IllegalArgumentException("change.relative must be >= 0, got " + relative);
            }
            if (!"increase".equals(worse) && !"decrease".equals(worse)) {
                throw new IllegalArgumentException("change.worse must be increase or decrease, got '" + worse + "'");
            }
        }
    }

    /** What a violated threshold raises. */
    public enum Severity {
        fail, warn;

        public Status status() {
            return this == fail ? Status.FAIL : Status.WARN;
        }
    }
}
