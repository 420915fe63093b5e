package org.realitycheck.validation.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.RealityCheck;
import org.realitycheck.validation.SuiteResult;

/**
 * Runs one check end to end through {@link RealityCheck} with a policy made from the domain's shipped
 * default policy: the check's own section (so the tests judge the thresholds the domain ships), with
 * some parameters overridden (smaller sample sizes keep a test to seconds) and the held-out sample
 * count set.
 */
public final class CheckRuns {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CheckRuns() {
    }

    /**
     * @param samples held-out samples the domain simulates
     * @param params parameter overrides of the check's section
     * @return the policy holding only the check's section of the domain's default policy, overridden
     */
    public static Policy policy(Domain domain, Check check, int samples, Map<String, Object> params) {
        try (InputStream in = domain.recipe().policy()) {
            JsonNode root = YAML.readTree(in);
            JsonNode section = root.path("checks").path(check.id());
            ObjectNode s = section.isObject() ? ((ObjectNode) section).deepCopy() : YAML.createObjectNode();
            ObjectNode ps = s.has("params") ? (ObjectNode) s.get("params") : s.putObject("params");
            params.forEach((k, v) -> ps.set(k, YAML.valueToTree(v)));
            ObjectNode out = YAML.createObjectNode();
            out.put("schemaVersion", 1);
            out.put("domain", domain.name());
            out.put("samples", samples);
            if (root.has("application")) {
                out.set("application", root.get("application"));
            }
            out.putObject("checks").set(check.id(), s);
            byte[] text = YAML.writeValueAsBytes(out);
            return PolicyParser.parse(new ByteArrayInputStream(text), Path.of("(test policy for " + check.id() + ")"),
                    List.of(check), domain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code check} alone on {@code model} and returns its result. */
    public static CheckResult run(Check check, Generator model, Domain domain, Policy policy, long seed) {
        SuiteResult r = RealityCheck.of(model).domain(domain).policy(policy).checks(List.of(check)).seed(seed).run();
        return r.check(check.id()).orElseThrow();
    }

    /** One line per metric and threshold of a result, for logs of measured numbers. */
    public static String describe(String model, CheckResult r) {
        StringBuilder b = new StringBuilder(model).append(": ").append(r.status()).append(" - ").append(r.reason());
        r.metrics().forEach(m -> b.append("\n    ").append(org.realitycheck.validation.Judge.describe(m)));
        return b.toString();
    }
}
