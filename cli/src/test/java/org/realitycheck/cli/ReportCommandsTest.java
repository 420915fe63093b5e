package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.Range;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.reports.HtmlReport;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.ThresholdResult;
import org.realitycheck.validation.Verdict;
import org.realitycheck.validation.io.ResultJson;

/** {@code report} and {@code compare} through {@link Main#run}, on small result files. */
class ReportCommandsTest {
    @Test
    void reportReRendersFromResultJsonAlone(@TempDir Path tmp) throws Exception {
        SuiteResult r = result(0.01, Status.PASS);
        Path json = tmp.resolve("run/result.json");
        Files.createDirectories(json.getParent());
        ResultJson.write(r, json);
        Path html = tmp.resolve("report.html");
        MainTest.Run run = MainTest.run("report", "--result", json.toString(), "--out", html.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("wrote ").contains("PASSED");
        assertThat(Files.readString(html)).isEqualTo(HtmlReport.render(r));
    }

    @Test
    void reportOfAMissingOrBrokenResultIsExit2NamingTheFile(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("report.html");
        Path missing = tmp.resolve("nope/result.json");
        MainTest.Run run = MainTest.run("report", "--result", missing.toString(), "--out", html.toString());
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString());

        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"verdict\": ");
        run = MainTest.run("report", "--result", broken.toString(), "--out", html.toString());
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains(broken.toString()).doesNotContain("\tat ");
        assertThat(Files.exists(html)).isFalse();
    }

    @Test
    void compareExitsOneWhenBRegressedAndZeroOtherwise(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a/result.json");
        Path b = tmp.resolve("b/result.json");
        Files.createDirectories(a.getParent());
        Files.createDirectories(b.getParent());
        ResultJson.write(result(0.01, Status.PASS), a);
        ResultJson.write(result(0.04, Status.PASS), b);

        Path out = tmp.resolve("cmp");
        MainTest.Run run = MainTest.run("compare", a.toString(), b.toString(), "--out", out.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(run.out()).startsWith("REGRESSED");
        assertThat(Files.readString(out.resolve("compare.md"))).contains("REGRESSED").contains("detection\\_rate");
        assertThat(Files.readString(out.resolve("compare.html"))).contains("REGRESSED").doesNotContain("<script");

        // the other way round B improved: no regression
        run = MainTest.run("compare", b.toString(), a.toString(), "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("no regression");

        run = MainTest.run("compare", a.toString(), tmp.resolve("missing.json").toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("missing.json");
    }

    @Test
    void helpListsBothCommands() {
        assertThat(MainTest.run("--help").out()).contains("report").contains("compare");
        assertThat(MainTest.run("compare", "--help").code()).isZero();
    }

    /** The counts of one check's status, every status named (as result.json's schema requires). */
    static Map<String, Integer> counts(Status status) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s.name(), s == status ? 1 : 0);
        }
        return m;
    }

    /** One check whose detection rate has an upper bound and a change threshold of +0.01. */
    static SuiteResult result(double rate, Status status) {
        Policy.Threshold t = new Policy.Threshold(null, 0.05, null, new Policy.Change(0.01, null, "increase"),
                Policy.Severity.fail);
        Policy policy = new Policy(Policy.SCHEMA_VERSION, "astro", null, 100, Map.of(),
                Map.of("hallucination.empty-fields", new Policy.CheckPolicy(true, Map.of(), Map.of("detection_rate", t))));
        Metric m = Metric.of("detection_rate", rate, rate * 0.8, rate * 1.2, "", "fraction of empty fields with a detection");
        CheckResult c = new CheckResult("hallucination.empty-fields", "Hallucination on empty fields",
                "objects invented where there is nothing", status, "detection_rate = " + rate + " within <= 0.05",
                "detection_rate", List.of(m),
                List.of(new ThresholdResult("detection_rate", "detection_rate", "upper", 0.05, rate, "CI", "fail", status, "ok")),
                List.of(new Artifact.Table("t", "Rates", "caption", List.of("method", "rate"), List.of(List.of("model", "" + rate)))),
                List.of());
        ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION, "astro",
                GanArchitecture.pix2pix(UNetSpec.defaults(), PatchGanSpec.defaults()), TrainingConfig.defaults(), 1,
                "0".repeat(64), 10, new long[] {1, 64, 64}, new long[] {1, 64, 64}, Map.of("redshift", new Range(0, 0.2)),
                Normalization.identity(), new Provenance("t", "t", "t", "t", "t"), 1, 1, Map.of());
        SuiteResult.Provenance p = new SuiteResult.Provenance("2025-06-01T00:00:00Z", "t", "t", "t", "t", "t", "astro",
                "m.zip", "", card, "simulated", "0".repeat(64), 100, 1, "", List.of(), Map.of("redshift", new Range(0, 0.2)),
                Map.of("redshift", new Range(0, 0.2)));
        return new SuiteResult(SuiteResult.SCHEMA_VERSION, Verdict.of(List.of(status)),
                counts(status), p, policy, List.of(c), List.of());
    }
}
