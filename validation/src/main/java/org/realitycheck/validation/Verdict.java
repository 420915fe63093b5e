package org.realitycheck.validation;

import java.util.Collection;

/** The gate's decision over all checks. */
public enum Verdict {
    /** Every check passed or was skipped. */
    PASSED,
    /** No check failed, but at least one warned (exit 0, or 1 with {@code --fail-on-warn}). */
    PASSED_WITH_WARNINGS,
    /** At least one check failed or could not run (ERROR). */
    FAILED;

    /** @return the verdict of a suite whose checks ended with these statuses */
    public static Verdict of(Collection<Status> statuses) {
        Status worst = Status.SKIPPED;
        for (Status s : statuses) {
            worst = worst.worse(s);
        }
        return switch (worst) {
            case FAIL, ERROR -> FAILED;
            case WARN -> PASSED_WITH_WARNINGS;
            default -> PASSED;
        };
    }

    /** @return true when the gate lets the model through ({@code failOnWarn} turns warnings into a failure) */
    public boolean passes(boolean failOnWarn) {
        return this == PASSED || (this == PASSED_WITH_WARNINGS && !failOnWarn);
    }

    /** @return the label reports show: {@code PASSED}, {@code PASSED WITH WARNINGS}, {@code FAILED} */
    public String label() {
        return name().replace('_', ' ');
    }
}
