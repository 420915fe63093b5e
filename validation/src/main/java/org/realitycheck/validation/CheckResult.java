package org.realitycheck.validation;

import java.util.List;
import java.util.Optional;

/**
 * One check's outcome as written to {@code result.json} and shown in the report.
 *
 * @param id the check id, e.g. {@code ood.covariate}
 * @param title a short title
 * @param protectsAgainst one sentence on what the check protects against
 * @param status the worst status of its thresholds (or ERROR / SKIPPED)
 * @param reason one line: the failing threshold with metric, value and bound; or why it was skipped or errored
 * @param headline the name of the metric the report's summary table shows, or empty
 * @param metrics every metric measured, in the check's order
 * @param thresholds every threshold applied, in policy order
 * @param artifacts data for the report's figures
 * @param notes further lines for the reviewer (assumptions, dropped samples)
 */
public record CheckResult(String id, String title, String protectsAgainst, Status status, String reason, String headline,
        List<Metric> metrics, List<ThresholdResult> thresholds, List<Artifact> artifacts, List<String> notes) {
    public CheckResult {
        metrics = List.copyOf(metrics);
        thresholds = List.copyOf(thresholds);
        artifacts = List.copyOf(artifacts);
        notes = List.copyOf(notes);
        headline = headline == null ? "" : headline;
    }

    /** @return the metric of that name, if measured */
    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A result without measurements (SKIPPED, ERROR). */
    public static CheckResult bare(Check check, Status status, String reason) {
        return new CheckResult(check.id(), check.title(), check.protectsAgainst(), status, reason, check.headline(),
                List.of(), List.of(), List.of(), List.of());
    }
}
