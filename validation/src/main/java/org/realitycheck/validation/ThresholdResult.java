package org.realitycheck.validation;

/**
 * One threshold of the policy as it was applied to one metric: what was compared with what, and the
 * outcome.
 *
 * @param metric the metric's name
 * @param rule the policy key that produced this threshold (the metric name or a glob such as {@code *.bias})
 * @param kind {@code lower}, {@code upper}, {@code mostly} or {@code change}
 * @param bound the bound applied (for {@code mostly}: the required fraction; for {@code change}: the allowed change)
 * @param observed the value compared with the bound (the metric, the passing fraction, or the change)
 * @param against what the observation was compared against, e.g. {@code CI [0.01, 0.04]} or {@code baseline 0.021}
 * @param severity {@code fail} or {@code warn}: what a violation raises
 * @param status PASS, WARN, FAIL, or SKIPPED (no baseline to compare against)
 * @param reason one line a reviewer can read without the JSON
 */
public record ThresholdResult(String metric, String rule, String kind, double bound, double observed, String against,
        String severity, Status status, String reason) {
}
