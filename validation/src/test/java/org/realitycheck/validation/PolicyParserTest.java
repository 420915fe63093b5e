package org.realitycheck.validation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Range;
import org.realitycheck.validation.testing.FakeCheck;
import org.realitycheck.validation.testing.Toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyParserTest {
    private static final List<Check> CHECKS = List.of(
            new FakeCheck("alpha", List.of("rate", "flux.bias", "centre.bias", "bin*.psnr"),
                    Map.of("fields", 64, "k_sigma", 5.0, "observables", List.of("flux"), "covariate", "", "log", false),
                    c -> Evidence.create()),
            new FakeCheck("beta.two", List.of("x"), c -> Evidence.create()));

    private static Policy parse(String yaml) {
        return PolicyParser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Path.of("policy.yaml"),
                CHECKS, Toy.DOMAIN);
    }

    private static void rejects(String yaml, String... parts) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("policy.yaml: ").doesNotContain("\n");
                    for (String p : parts) {
                        assertThat(e.getMessage()).contains(p);
                    }
                });
    }

    @Test
    void readsEveryKey() {
        Policy p = parse("""
                schemaVersion: 1
                domain: toy
                seed: 7
                samples: 300
                application: {z: [0.0, 0.6]}
                checks:
                  alpha:
                    params: {fields: 10, k_sigma: 3, observables: [flux, centre], log: true}
                    thresholds:
                      rate: {upper: 0.05}
                      "*.bias": {lower: -0.1, upper: 0.1, mostly: 0.9, severity: warn}
                      bin3.psnr: {change: {absolute: 1.5, worse: decrease}, severity: warn}
                  beta.two:
                    enabled: false
                """);
        assertThat(p.seed()).isEqualTo(7L);
        assertThat(p.samples()).isEqualTo(300);
        assertThat(p.application()).containsEntry("z", new Range(0, 0.6));
        Policy.CheckPolicy a = p.check("alpha").orElseThrow();
        assertThat(a.params()).containsEntry("fields", 10).containsEntry("k_sigma", 3.0)
                .containsEntry("observables", List.of("flux", "centre")).containsEntry("log", true);
        assertThat(a.thresholds().keySet()).containsExactly("rate", "*.bias", "bin3.psnr");
        assertThat(a.thresholds().get("rate").severity()).isEqualTo(Policy.Severity.fail);
        assertThat(a.thresholds().get("*.bias").mostly()).isEqualTo(0.9);
        assertThat(a.thresholds().get("bin3.psnr").change().worse()).isEqualTo("decrease");
        assertThat(p.check("beta.two").orElseThrow().enabled()).isFalse();
    }

    @Test
    void jsonIsAPolicyToo() {
        Policy p = parse("{\"checks\": {\"alpha\": {\"thresholds\": {\"rate\": {\"upper\": 1}}}}}");
        assertThat(p.samples()).isEqualTo(PolicyParser.DEFAULT_SAMPLES);
        assertThat(p.check("alpha")).isPresent();
    }

    @Test
    void rejectsUnknownKeysWithTheirPath() {
        rejects("checks: {}\nsurvey: x\n", "survey", "unknown key");
        rejects("checks: {alpha: {enable: true}}\n", "checks.alpha.enable", "unknown key", "enabled");
        rejects("checks: {alpha: {params: {feilds: 3}}}\n", "checks.alpha.params.feilds", "unknown key", "fields");
        rejects("checks: {alpha: {thresholds: {rate: {upper: 1, uper: 2}}}}\n", "checks.alpha.thresholds.rate.uper");
        rejects("checks: {gamma: {}}\n", "checks.gamma", "unknown check", "alpha, beta.two");
        rejects("checks: {alpha: {thresholds: {rates: {upper: 1}}}}\n", "checks.alpha.thresholds.rates",
                "no metric of alpha matches");
    }

    @Test
    void rejectsWrongTypes() {
        rejects("checks: {alpha: {params: {fields: many}}}\n", "checks.alpha.params.fields", "expected a whole number", "'many'");
        rejects("checks: {alpha: {params: {fields: 2.5}}}\n", "checks.alpha.params.fields", "whole number");
        rejects("checks: {alpha: {params: {log: yes please}}}\n", "checks.alpha.params.log", "true or false");
        rejects("checks: {alpha: {params: {observables: flux}}}\n", "checks.alpha.params.observables", "list");
        rejects("checks: {alpha: {thresholds: {rate: {upper: low}}}}\n", "checks.alpha.thresholds.rate.upper",
                "expected a number, got 'low'");
        rejects("checks: {alpha: {enabled: maybe}}\n", "checks.alpha.enabled");
        rejects("samples: 0\nchecks: {}\n", "samples");
        rejects("checks: [alpha]\n", "checks", "mapping");
    }

    @Test
    void rejectsImpossibleValues() {
        rejects("checks: {alpha: {thresholds: {rate: {lower: 2, upper: 1}}}}\n", "checks.alpha.thresholds.rate",
                "lower 2.0 > upper 1.0");
        rejects("checks: {alpha: {thresholds: {rate: {upper: 1, mostly: 1.5}}}}\n", "checks.alpha.thresholds.rate",
                "fraction in [0, 1]");
        rejects("checks: {alpha: {thresholds: {rate: {severity: warn}}}}\n", "needs lower, upper or change");
        rejects("checks: {alpha: {thresholds: {rate: {upper: 1, severity: fatal}}}}\n", "severity", "fatal");
        rejects("checks: {alpha: {thresholds: {rate: {change: {absolute: 1, relative: 2, worse: increase}}}}}\n",
                "exactly one of absolute and relative");
        rejects("checks: {alpha: {thresholds: {rate: {change: {absolute: -1, worse: increase}}}}}\n", ">= 0");
        rejects("checks: {alpha: {thresholds: {rate: {change: {absolute: 1, worse: up}}}}}\n", "increase or decrease");
        rejects("application: {z: [0.5, 0.1]}\nchecks: {}\n", "application.z", "min 0.5 > max 0.1");
        rejects("application: {z: 0.5}\nchecks: {}\n", "application.z", "[min, max]");
        rejects("schemaVersion: 2\nchecks: {}\n", "schemaVersion", "schema 1");
        rejects("domain: astro\nchecks: {}\n", "domain", "'astro'", "'toy'");
    }

    @Test
    void rejectsBrokenYamlWithTheLineAndDuplicateKeys() {
        rejects("checks:\n  alpha: {thresholds: [\n", "not valid YAML");
        rejects("checks: {}\nchecks: {}\n", "not valid YAML", "checks");
        rejects("", "empty");
    }

    @Test
    void globsMatchBothWays() {
        assertThat(PolicyParser.matches("*.bias", "flux.bias")).isTrue();
        assertThat(PolicyParser.matches("*.bias", "flux.bias_ratio")).isFalse();
        assertThat(PolicyParser.matches("bin3.psnr", "bin*.psnr")).isTrue();
        assertThat(PolicyParser.matches("rate", "rate")).isTrue();
        assertThat(PolicyParser.matches("r.te", "rate")).isFalse();
    }

    @Test
    void aMissingFileNamesTheFile() {
        assertThatThrownBy(() -> PolicyParser.parse(Path.of("/nonexistent/p.yaml"), CHECKS, Toy.DOMAIN))
                .isInstanceOf(BadInputException.class).hasMessageContaining("/nonexistent/p.yaml").hasMessageContaining("no such file");
    }
}
