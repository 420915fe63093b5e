package org.realitycheck.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.RealityCheck;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.Suite;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;
import org.realitycheck.validation.testing.TestModels;
import org.realitycheck.validation.testing.Toy;

/**
 * What the empty-fields, forward-consistency and rare-objects checks share: they are registered, their
 * parameters are validated with the key path, a model with NaN outputs does not pass, and the same
 * seed gives byte-identical results.
 */
class ChecksAContractTest {
    private static final List<Check> CHECKS = List.of(new EmptyFieldsCheck(), new ForwardConsistencyCheck(),
            new RareObjectsCheck());

    private static Policy policy(String sections) {
        String yaml = "schemaVersion: 1\ndomain: toy\nsamples: 200\nchecks:\n" + sections;
        return PolicyParser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                Path.of("test-policy.yaml"), CHECKS, Toy.DOMAIN);
    }

    private static final String SECTIONS = """
              hallucination.empty-fields:
                params: {fields: 200}
                thresholds:
                  spurious_flux_minus_conventional: {lower: -5.0, upper: 5.0}
                  detection_rate: {upper: 0.1}
              consistency.forward-model:
                thresholds:
                  chi2_ndf_median: {lower: 0.5, upper: 2.0}
                  chi2_ndf_fraction_below_cut: {mostly: 0.9, upper: 3.0}
              rare-objects:
                params: {injections: 150}
                thresholds:
                  recovered_fraction: {lower: 0.8}
                  subtype*.recovered_fraction_minus_conventional: {lower: -0.1}
            """;

    private static SuiteResult run(Generator g, long seed) {
        return RealityCheck.of(g).domain(Toy.DOMAIN).policy(policy(SECTIONS)).checks(CHECKS).seed(seed)
                .clock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC)).run();
    }

    @Test
    void registeredThroughTheServiceLoader() {
        assertThat(Suite.checks()).extracting(Check::id).contains(EmptyFieldsCheck.ID, ForwardConsistencyCheck.ID,
                RareObjectsCheck.ID);
        for (Check c : CHECKS) {
            assertThat(c.metricNames(Toy.DOMAIN)).contains(c.headline());
            assertThat(c.protectsAgainst()).isNotBlank();
        }
    }

    @Test
    void sameSeedGivesTheSameResultJson() {
        SuiteResult a = run(Toy.oracle(0.1), 5);
        SuiteResult b = run(Toy.oracle(0.1), 5);
        assertThat(a.checks()).extracting(CheckResult::status).containsOnly(Status.PASS);
        assertThat(ResultJson.toJson(a)).isEqualTo(ResultJson.toJson(b));
        SuiteResult c = run(Toy.oracle(0.1), 6);
        assertThat(ResultJson.toJson(c)).isNotEqualTo(ResultJson.toJson(a));
    }

    @Test
    void mostlyJudgesThePerSampleChi2() {
        SuiteResult r = run(TestModels.map(Toy.oracle(0.1), (c, o) -> {
            float[] x = o.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.min(x[i], 2f);
            }
            return x;
        }), 5);
        CheckResult fc = r.check(ForwardConsistencyCheck.ID).orElseThrow();
        assertThat(fc.thresholds()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo("mostly");
            assertThat(t.status()).isEqualTo(Status.FAIL);
            assertThat(t.reason()).contains("chi2_ndf_fraction_below_cut").contains("cases");
        });
    }

    @Test
    void nanOutputsDoNotPass() {
        SuiteResult r = run(TestModels.map(Toy.oracle(0.1), (c, o) -> {
            float[] x = o.clone();
            x[3] = Float.NaN;
            return x;
        }), 5);
        CheckResult empty = r.check(EmptyFieldsCheck.ID).orElseThrow();
        assertThat(empty.status()).isEqualTo(Status.FAIL);
        assertThat(empty.metric("spurious_flux").map(Metric::value).orElseThrow()).isNaN();
        assertThat(r.check(ForwardConsistencyCheck.ID).orElseThrow().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void impossibleParametersAreRejectedWithTheKeyPath() {
        assertThatThrownBy(() -> policy("  hallucination.empty-fields:\n    params: {fields: 0}\n"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("checks.hallucination.empty-fields.params")
                .hasMessageContaining("fields must be >= 1");
        assertThatThrownBy(() -> policy("  consistency.forward-model:\n    params: {cut: -1.0}\n"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cut must be > 0");
        assertThatThrownBy(() -> policy("  rare-objects:\n    thresholds:\n      recovered_fractions: {lower: 0.5}\n"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("recovered_fractions");
    }
}
