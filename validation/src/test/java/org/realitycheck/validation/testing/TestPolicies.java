package org.realitycheck.validation.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Range;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;

/**
 * Test policies cut from a domain's shipped default policy: one check's section with its real
 * thresholds, smaller sample sizes (parameter overrides) so that a test takes seconds, and an
 * application range of the test's choosing. Tests then judge models with the thresholds users get.
 */
public final class TestPolicies {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TestPolicies() {
    }

    /**
     * @param domain whose default policy to cut from
     * @param check the check whose section to keep (the only check of the returned policy)
     * @param samples held-out samples
     * @param params parameter overrides (Integer, Double, Boolean, String or List of String)
     * @param application application ranges overriding the default policy's (others are kept)
     */
    public static Policy of(Domain domain, Check check, int samples, Map<String, Object> params,
            Map<String, Range> application) {
        JsonNode root;
        try (InputStream in = domain.recipe().policy()) {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode out = YAML.createObjectNode();
        out.put("schemaVersion", Policy.SCHEMA_VERSION);
        out.put("domain", domain.name());
        out.put("samples", samples);
        ObjectNode app = out.putObject("application");
        if (root.has("application")) {
            app.setAll((ObjectNode) root.get("application"));
        }
        application.forEach((k, r) -> {
            ArrayNode a = app.putArray(k);
            a.add(r.min());
            a.add(r.max());
        });
        ObjectNode section = root.path("checks").has(check.id()) && root.get("checks").get(check.id()).isObject()
                ? ((ObjectNode) root.get("checks").get(check.id())).deepCopy()
                : YAML.createObjectNode();
        ObjectNode p = section.has("params") ? (ObjectNode) section.get("params") : section.putObject("params");
        params.forEach((k, v) -> p.set(k, YAML.valueToTree(v)));
        out.putObject("checks").set(check.id(), section);
        try {
            byte[] text = YAML.writeValueAsBytes(out);
            return PolicyParser.parse(new ByteArrayInputStream(text), Path.of("(test policy for " + check.id() + ")"),
                    List.of(check), domain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The section as shipped, with only the sample count changed. */
    public static Policy of(Domain domain, Check check, int samples) {
        return of(domain, check, samples, Map.of(), Map.of());
    }

    /** @return the YAML text of a policy, for failure messages */
    public static String yaml(Policy p) {
        try {
            return new String(YAML.writeValueAsBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
