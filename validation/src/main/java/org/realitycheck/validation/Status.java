package org.realitycheck.validation;

/**
 * The outcome of a check or of one threshold. {@link #severity()} orders them for aggregation: a
 * check is as bad as its worst threshold, and the suite fails on any FAIL or ERROR.
 */
public enum Status {
    /** Not run: disabled, not in the policy, or its inputs are missing (e.g. no truth); the reason says which. */
    SKIPPED(0),
    /** Every applied threshold holds, beyond the metric's confidence interval. */
    PASS(1),
    /** A warn-severity threshold is violated, or a threshold lies inside the metric's confidence interval. */
    WARN(2),
    /** A fail-severity threshold is violated beyond the metric's confidence interval. */
    FAIL(3),
    /** The check threw; its message is the reason. It fails the gate: an unchecked model is not a passed one. */
    ERROR(4);

    private final int severity;

    Status(int severity) {
        this.severity = severity;
    }

    /** @return the rank used to aggregate statuses (higher is worse) */
    public int severity() {
        return severity;
    }

    /** @return the worse of {@code this} and {@code other} */
    public Status worse(Status other) {
        return other.severity > severity ? other : this;
    }
}
