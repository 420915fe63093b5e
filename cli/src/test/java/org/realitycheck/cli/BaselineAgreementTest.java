package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.reports.ComparisonReport;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;

/**
 * {@code validate --baseline A} and {@code compare A B} judge the same pair of runs the same way:
 * the metrics one calls regressions are the metrics the other does, and both accept the pair (same
 * domain, same policy). Two real hep runs (the default model, then the one trained with a
 * miscalibrated field) under a small policy whose change thresholds cover every metric.
 */
class BaselineAgreementTest {
    static final Path MODELS = Path.of("..", "models").toAbsolutePath().normalize();

    @Test
    void compareAndValidateBaselineAgreeOnTheSamePair(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(MODELS.resolve("hep-field-bias.zip")));
        Path policy = Files.writeString(tmp.resolve("policy.yaml"), """
                samples: 400
                checks:
                  residuals.conventional:
                    thresholds:
                      "*": {change: {absolute: 0.0, worse: increase}, severity: fail}
                  consistency.forward-model:
                    thresholds:
                      "*": {change: {absolute: 0.0, worse: decrease}, severity: warn}
                """);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        MainTest.Run ra = MainTest.run("validate", "--domain", "hep", "--model", MODELS.resolve("hep-default.zip").toString(),
                "--policy", policy.toString(), "-q", "--out", a.toString());
        assertThat(ra.code()).as(ra.err()).isIn(0, 1);
        MainTest.Run rb = MainTest.run("validate", "--domain", "hep", "--model", MODELS.resolve("hep-field-bias.zip").toString(),
                "--policy", policy.toString(), "--baseline", a.toString(), "-q", "--out", b.toString());
        assertThat(rb.code()).as(rb.err()).isIn(0, 1);
        MainTest.Run cmp = MainTest.run("compare", a.toString(), b.toString());
        assertThat(cmp.code()).as(cmp.err()).isIn(0, 1);

        SuiteResult before = ResultJson.readRun(a);
        SuiteResult after = ResultJson.readRun(b);
        Set<String> byValidate = after.changes().stream().filter(c -> c.status() == Status.FAIL)
                .map(c -> c.check() + "/" + c.metric()).collect(Collectors.toSet());
        Set<String> warnedByValidate = after.changes().stream().filter(c -> c.status() == Status.WARN)
                .map(c -> c.check() + "/" + c.metric()).collect(Collectors.toSet());
        ComparisonReport c = ComparisonReport.of(before, "a", after, "b");
        Set<String> byCompare = c.metrics().stream().filter(m -> m.status() == Status.FAIL)
                .map(m -> m.check() + "/" + m.metric()).collect(Collectors.toSet());
        Set<String> warnedByCompare = c.metrics().stream().filter(m -> m.status() == Status.WARN)
                .map(m -> m.check() + "/" + m.metric()).collect(Collectors.toSet());
        // the pair is not trivial: some metric moved the wrong way
        assertThat(byValidate).isNotEmpty();
        assertThat(byCompare).isEqualTo(byValidate);
        assertThat(warnedByCompare).isEqualTo(warnedByValidate);
        // and compare's verdict says so
        assertThat(cmp.code()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(cmp.out()).contains("REGRESSED");
    }
}
