package org.realitycheck.validation.assertj;

import org.assertj.core.api.AbstractAssert;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Status;

/** Assertions on one {@link CheckResult}; see {@link RealityCheckAssertions}. */
public final class CheckResultAssert extends AbstractAssert<CheckResultAssert, CheckResult> {
    CheckResultAssert(CheckResult actual) {
        super(actual, CheckResultAssert.class);
    }

    public CheckResultAssert hasStatus(Status expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("expected check %s to be %s but it is %s: %s", actual.id(), expected, actual.status(),
                    actual.reason());
        }
        return this;
    }

    /** The check passed, or only warned. */
    public CheckResultAssert isNotFailing() {
        isNotNull();
        if (actual.status() == Status.FAIL || actual.status() == Status.ERROR) {
            failWithMessage("expected check %s not to fail but it is %s: %s", actual.id(), actual.status(), actual.reason());
        }
        return this;
    }

    /** The one-line reason mentions {@code text} (e.g. the metric that failed). */
    public CheckResultAssert reasonContains(String text) {
        isNotNull();
        if (!actual.reason().contains(text)) {
            failWithMessage("expected the reason of check %s to mention '%s' but it is: %s", actual.id(), text,
                    actual.reason());
        }
        return this;
    }

    /** @return the metric's value, failing when the check did not measure it */
    public double metricValue(String name) {
        isNotNull();
        Metric m = actual.metric(name).orElse(null);
        if (m == null) {
            failWithMessage("check %s has no metric '%s'; it has %s", actual.id(), name,
                    actual.metrics().stream().map(Metric::name).toList());
        }
        return m.value();
    }
}
