package org.realitycheck.validation.assertj;

import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.SuiteResult;

/**
 * AssertJ entry points for gating a model in a JUnit test:
 * <pre>{@code
 * import static org.realitycheck.validation.assertj.RealityCheckAssertions.assertThat;
 *
 * assertThat(result).passed();
 * assertThat(result).check("ood.covariate").hasStatus(Status.PASS);
 * }</pre>
 * Failure messages quote each failing check's one-line reason, so a CI log says why.
 */
public final class RealityCheckAssertions {
    private RealityCheckAssertions() {
    }

    public static SuiteResultAssert assertThat(SuiteResult actual) {
        return new SuiteResultAssert(actual);
    }

    public static CheckResultAssert assertThat(CheckResult actual) {
        return new CheckResultAssert(actual);
    }
}
