package org.realitycheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.realitycheck.core.BadInputException;

/**
 * The demo's manifest ({@code models/demo.yaml}): the seed of the held-out data, per domain the
 * policy and the held-out simulation options, and per model the verdict it is expected to get.
 *
 * @param seed seed of the held-out sets and of every check
 * @param domains per domain name, its policy and held-out options, never null
 * @param models the models in table order, never null
 */
record DemoManifest(long seed, Map<String, DomainEntry> domains, List<ModelEntry> models) {
    /** The manifest's file name inside the models folder. */
    static final String FILE = "demo.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DemoManifest {
        domains = Map.copyOf(domains == null ? Map.of() : domains);
        models = List.copyOf(models == null ? List.of() : models);
    }

    /** Cross-field rules, checked after parsing so that an unknown key is reported as such first. */
    private DemoManifest check() {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models: at least one model is needed");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ModelEntry m : models) {
            if (!domains.containsKey(m.domain())) {
                throw new IllegalArgumentException("models." + m.name() + ".domain: '" + m.domain()
                        + "' has no entry under domains (known: " + domains.keySet() + ")");
            }
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("models." + m.name() + ": the name appears twice");
            }
        }
        return this;
    }

    /**
     * @param policy the policy file, relative to the manifest's folder
     * @param heldout simulation options of the held-out set
     */
    record DomainEntry(String policy, Map<String, String> heldout) {
        DomainEntry {
            if (policy == null || policy.isBlank()) {
                throw new IllegalArgumentException("domains.*.policy is required");
            }
            heldout = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(heldout == null ? Map.of() : heldout));
        }
    }

    /**
     * @param name the row's name, unique in the manifest; also the model's file name unless {@code model} is given
     * @param model the model file's name ({@code <model>.zip} and {@code <model>.yaml} in the models folder)
     *     when the same model is gated twice, under different policies; null means {@code name}
     * @param domain its domain
     * @param policy a policy file (relative to the manifest's folder) for this row instead of its domain's;
     *     null means the domain's
     * @param verdict {@code PASSED} (the gate lets it through, warnings allowed) or {@code FAILED}
     * @param failing for {@code FAILED}: the check that must be among the failing ones; else null
     * @param designed for a flawed model: the check its flaw was made for, when the gate does not (yet) fail it
     *     there and {@code failing} names what it honestly fails instead; null means {@code failing}
     * @param gap required exactly when {@code designed} differs from {@code failing}: the known gap in one
     *     sentence (what the designed check finds instead, and why), printed with the row
     * @param reference true for the domain's conventional method as a reference row (no zip, no recipe)
     */
    record ModelEntry(String name, String model, String domain, String policy, String verdict, String failing,
            String designed, String gap, boolean reference) {
        ModelEntry {
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("models.name must be lower-case letters, digits and '-', got '" + name + "'");
            }
            if (model != null && !model.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("models." + name + ".model must be lower-case letters, digits and '-', got '" + model + "'");
            }
            if (model != null && reference) {
                throw new IllegalArgumentException("models." + name + ".model: a reference row has no model file");
            }
            if (domain == null) {
                throw new IllegalArgumentException("models." + name + ".domain is required");
            }
            if (!"PASSED".equals(verdict) && !"FAILED".equals(verdict)) {
                throw new IllegalArgumentException("models." + name + ".verdict must be PASSED or FAILED, got '" + verdict + "'");
            }
            if ("PASSED".equals(verdict) && (failing != null || designed != null)) {
                throw new IllegalArgumentException("models." + name + ".failing: only a FAILED model names a failing or designed check");
            }
            boolean isGap = designed != null && !designed.equals(failing);
            if (isGap && failing == null) {
                throw new IllegalArgumentException("models." + name + ".failing: a row whose designed check does not fail names the check that does");
            }
            if (isGap != (gap != null && !gap.isBlank())) {
                throw new IllegalArgumentException("models." + name + ".gap: " + (isGap
                        ? "required when the designed check (" + designed + ") is not the failing one (" + failing + "): say what it finds instead"
                        : "only a row whose designed check differs from its failing check is a known gap"));
            }
        }

        /** @return the check the model's flaw was made for: {@code designed}, else {@code failing}; null for a passing row */
        String designedCheck() {
            return designed != null ? designed : failing;
        }

        /** @return true when the manifest documents that the designed check does not fail this model (see {@code gap}) */
        boolean knownGap() {
            return gap != null;
        }

        /** @return the model file's base name: {@code <artifact>.zip}, made from {@code <artifact>.yaml} */
        String artifact() {
            return model != null ? model : name;
        }

        boolean expectPass() {
            return "PASSED".equals(verdict);
        }

        /** @return the output folder name: {@code <domain>-<model>}, without repeating the domain */
        String folder() {
            return name.startsWith(domain + "-") ? name : domain + "-" + name;
        }
    }

    /** @return the policy file of a row, relative to the manifest's folder: its own, else its domain's */
    String policyOf(ModelEntry m) {
        return m.policy() != null ? m.policy() : domains.get(m.domain()).policy();
    }

    /**
     * @throws BadInputException naming the file and key when it is missing or invalid
     */
    static DemoManifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "", "no such file (the demo's manifest; see --models)");
        }
        try {
            return YAML.readValue(file.toFile(), DemoManifest.class).check();
        } catch (IllegalArgumentException e) {
            throw BadInputException.at(file, "", "not a valid demo manifest (" + e.getMessage() + ")");
        } catch (UnrecognizedPropertyException e) {
            throw BadInputException.at(file, e.getPathReference().replaceAll("^.*\\[\"", "").replace("\"]", ""),
                    "unknown key");
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String m = String.valueOf(c.getMessage());
            int nl = m.indexOf('\n');
            throw BadInputException.at(file, "", "not a valid demo manifest (" + (nl < 0 ? m : m.substring(0, nl)) + ")");
        }
    }
}
