package org.realitycheck.validation.assertj;

import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.Verdict;

/** Assertions on a {@link SuiteResult}; see {@link RealityCheckAssertions}. */
public final class SuiteResultAssert extends AbstractAssert<SuiteResultAssert, SuiteResult> {
    SuiteResultAssert(SuiteResult actual) {
        super(actual, SuiteResultAssert.class);
    }

    /** The gate passed (warnings allowed). */
    public SuiteResultAssert passed() {
        isNotNull();
        if (!actual.verdict().passes(false)) {
            failWithMessage("expected the gate to pass but it %s:%n%s", actual.verdict().label(), problems());
        }
        return this;
    }

    /** The gate passed without warnings. */
    public SuiteResultAssert passedWithoutWarnings() {
        isNotNull();
        if (actual.verdict() != Verdict.PASSED) {
            failWithMessage("expected the gate to pass without warnings but it %s:%n%s", actual.verdict().label(), problems());
        }
        return this;
    }

    /** The gate failed. */
    public SuiteResultAssert failed() {
        isNotNull();
        if (actual.verdict() != Verdict.FAILED) {
            failWithMessage("expected the gate to fail but it %s; checks:%n%s", actual.verdict().label(), all());
        }
        return this;
    }

    /** @return assertions on one check; fails when the suite has no such check */
    public CheckResultAssert check(String id) {
        isNotNull();
        CheckResult c = actual.check(id).orElse(null);
        if (c == null) {
            failWithMessage("the result has no check '%s'; it has %s", id,
                    actual.checks().stream().map(CheckResult::id).toList());
        }
        return new CheckResultAssert(c);
    }

    private String problems() {
        return actual.checks().stream().filter(c -> c.status().severity() >= Status.WARN.severity())
                .map(c -> "  " + c.id() + " " + c.status() + ": " + c.reason()).collect(Collectors.joining("\n"));
    }

    private String all() {
        return actual.checks().stream().map(c -> "  " + c.id() + " " + c.status() + ": " + c.reason())
                .collect(Collectors.joining("\n"));
    }
}
