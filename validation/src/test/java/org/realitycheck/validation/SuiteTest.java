package org.realitycheck.validation;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.assertj.RealityCheckAssertions;
import org.realitycheck.validation.io.JUnitXml;
import org.realitycheck.validation.io.ResultJson;
import org.realitycheck.validation.stats.Bootstrap;
import org.realitycheck.validation.stats.Interval;
import org.realitycheck.validation.testing.FakeCheck;
import org.realitycheck.validation.testing.Toy;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine end to end on the toy domain, with checks whose measurements are real but simple. */
class SuiteTest {
    /** Mean |model − truth| per pixel on the held-out set, with a seeded bootstrap CI. */
    static final FakeCheck ERROR_CHECK = new FakeCheck("toy.error", List.of("mean_abs_error"), ctx -> {
        SampleSet set = ctx.data();
        List<float[]> out = ctx.evaluations().model(set);
        double[] e = new double[set.size()];
        for (int i = 0; i < set.size(); i++) {
            float[] t = set.get(i).target().orElseThrow();
            double s = 0;
            for (int j = 0; j < t.length; j++) {
                s += Math.abs(out.get(i)[j] - t[j]);
            }
            e[i] = s / t.length;
        }
        double mean = java.util.Arrays.stream(e).average().orElse(Double.NaN);
        Interval ci = Bootstrap.ci(e, x -> java.util.Arrays.stream(x).average().orElse(Double.NaN), 200, 0.95, ctx.seed());
        return Evidence.create().metric(Metric.of("mean_abs_error", mean, ci.low(), ci.high(), "counts", "mean |model - truth|"))
                .artifact(new Artifact.Table("errors", "Errors", "small is good", List.of("n"), List.of(List.of("" + e.length))));
    });
    static final FakeCheck THROWS = new FakeCheck("toy.throws", List.of("x"), ctx -> {
        throw new IllegalStateException("boom in the check");
    });
    static final FakeCheck UNLISTED = new FakeCheck("toy.unlisted", List.of("x"), ctx -> Evidence.create());
    static final List<Check> CHECKS = List.of(ERROR_CHECK, THROWS, UNLISTED);
    static final String POLICY = """
            samples: 120
            checks:
              toy.error:
                thresholds:
                  mean_abs_error: {upper: 0.5, change: {absolute: 0.05, worse: increase}}
              toy.throws: {}
            """;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    static Policy policy(String yaml) {
        return PolicyParser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Path.of("test-policy.yaml"),
                CHECKS, Toy.DOMAIN);
    }

    static SuiteResult run(double oracleNoise, long seed, SuiteResult baseline) {
        return RealityCheck.of(Toy.oracle(oracleNoise)).domain(Toy.DOMAIN).policy(policy(POLICY)).checks(CHECKS)
                .seed(seed).baseline(baseline, baseline == null ? null : "old/result.json").clock(CLOCK)
                .command(List.of("validate", "--domain", "toy")).run();
    }

    @Test
    void aThrowingCheckIsAnErrorAndTheOthersStillRun() {
        SuiteResult r = run(0.1, 1, null);
        assertThat(r.check("toy.error").orElseThrow().status()).isEqualTo(Status.PASS);
        CheckResult err = r.check("toy.throws").orElseThrow();
        assertThat(err.status()).isEqualTo(Status.ERROR);
        assertThat(err.reason()).contains("boom in the check");
        assertThat(r.check("toy.unlisted").orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.counts()).containsEntry("PASS", 1).containsEntry("ERROR", 1).containsEntry("SKIPPED", 1)
                .containsEntry("FAIL", 0).containsEntry("WARN", 0);
        assertThat(r.provenance().dataSamples()).isEqualTo(120);
        assertThat(r.provenance().trainingRanges()).containsKey("z");
    }

    @Test
    void anHonestModelPassesAndABrokenOneFailsWithTheMetricInTheReason() {
        SuiteResult bad = run(3.0, 1, null);
        CheckResult c = bad.check("toy.error").orElseThrow();
        assertThat(c.status()).isEqualTo(Status.FAIL);
        assertThat(c.reason()).contains("mean_abs_error").contains("<= 0.5");
        RealityCheckAssertions.assertThat(bad).check("toy.error").hasStatus(Status.FAIL).reasonContains("mean_abs_error");
        assertThatThrownBy(() -> RealityCheckAssertions.assertThat(bad).passed())
                .isInstanceOf(AssertionError.class).hasMessageContaining("toy.error FAIL: mean_abs_error");
    }

    @Test
    void theSameSeedGivesTheSameJsonByteForByteAndAnotherSeedOtherNumbers() {
        String a = ResultJson.toJson(run(0.1, 5, null));
        String b = ResultJson.toJson(run(0.1, 5, null));
        assertThat(a).isEqualTo(b);
        assertThat(ResultJson.toJson(run(0.1, 6, null))).isNotEqualTo(a);
    }

    @Test
    void resultJsonRoundTripsAndMatchesItsSchema(@TempDir Path dir) throws Exception {
        SuiteResult r = run(0.1, 2, null);
        Path f = dir.resolve("result.json");
        ResultJson.write(r, f);
        SuiteResult back = ResultJson.read(f);
        assertThat(ResultJson.toJson(back)).isEqualTo(Files.readString(f));
        assertThat(schemaErrors(ResultJson.SCHEMA_RESOURCE, new ObjectMapper().readTree(f.toFile()))).isEmpty();
    }

    @Test
    void theDefaultPoliciesAndThisPolicyMatchThePolicySchema() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        assertThat(schemaErrors("/org/realitycheck/validation/policy.schema.json", yaml.readTree(POLICY))).isEmpty();
        for (String d : List.of("astro", "hep")) {
            try (InputStream in = org.realitycheck.core.Domains.byName(d).recipe().policy()) {
                assertThat(schemaErrors("/org/realitycheck/validation/policy.schema.json", yaml.readTree(in))).as(d).isEmpty();
            }
        }
        JsonNode bad = yaml.readTree("checks: {a: {thresholds: {x: {lower: 1, mostly: 2}}}}\nextra: 1\n");
        assertThat(schemaErrors("/org/realitycheck/validation/policy.schema.json", bad)).hasSizeGreaterThanOrEqualTo(2);
    }

    static Set<ValidationMessage> schemaErrors(String resource, JsonNode doc) throws Exception {
        try (InputStream in = SuiteTest.class.getResourceAsStream(resource)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(doc);
        }
    }

    @Test
    void aBaselineRunListsEveryMetricRegressionsFirst() {
        SuiteResult old = run(0.1, 3, null);
        SuiteResult now = run(0.4, 3, old);
        assertThat(now.changes()).isNotEmpty();
        SuiteResult.MetricChange first = now.changes().get(0);
        assertThat(first.metric()).isEqualTo("mean_abs_error");
        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.after()).isGreaterThan(first.before());
        assertThat(now.check("toy.error").orElseThrow().reason()).startsWith("regression: mean_abs_error");
        assertThat(now.provenance().baseline()).isEqualTo("old/result.json");
    }

    @Test
    void junitXmlHasOneTestCasePerCheckAndWarningsFailOnlyWhenAsked() throws Exception {
        SuiteResult r = run(0.1, 4, null);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JUnitXml.toXml(r, false).getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(d.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(d.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(d.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        Policy warnPolicy = policy("""
                samples: 60
                checks:
                  toy.error: {thresholds: {mean_abs_error: {upper: 0.0001, severity: warn}}}
                """);
        SuiteResult w = RealityCheck.of(Toy.oracle(0.1)).domain(Toy.DOMAIN).policy(warnPolicy).checks(CHECKS).seed(1).run();
        assertThat(w.verdict()).isEqualTo(Verdict.PASSED_WITH_WARNINGS);
        assertThat(JUnitXml.toXml(w, false)).doesNotContain("<failure");
        assertThat(JUnitXml.toXml(w, true)).contains("<failure message=\"mean_abs_error");
        assertThat(w.passed(false)).isTrue();
        assertThat(w.passed(true)).isFalse();
    }

    @Test
    void dataOfTheWrongShapeIsBadInput() {
        SampleSet wrong = new SampleSet(List.of(new org.realitycheck.core.Sample("a", "x", new float[3], new float[3], Map.of())),
                new long[] {3}, new long[] {3});
        assertThatThrownBy(() -> RealityCheck.of(Toy.oracle(0.1)).domain(Toy.DOMAIN).policy(policy(POLICY)).checks(CHECKS)
                .data(wrong, "mine").run()).isInstanceOf(org.realitycheck.core.BadInputException.class)
                .hasMessageContaining("shape [32]").hasMessageContaining("[3]");
    }

    @Test
    void seedsDependOnPurposeAndSeedOnly() {
        assertThat(Seeds.derive(1, "empty")).isEqualTo(Seeds.derive(1, "empty"));
        assertThat(Seeds.derive(1, "empty")).isNotEqualTo(Seeds.derive(2, "empty")).isNotEqualTo(Seeds.derive(1, "heldout"));
    }
}
