package org.realitycheck.validation.stats;

/**
 * The outcome of a hypothesis test.
 *
 * @param statistic the test statistic, not NaN
 * @param pValue    the p-value, in [0, 1]
 */
public record TestResult(double statistic, double pValue) {

    public TestResult {
        if (Double.isNaN(statistic)) {
            throw new IllegalArgumentException("statistic must not be NaN");
        }
        if (!(pValue >= 0.0 && pValue <= 1.0)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
        }
    }
}
