package org.realitycheck.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.realitycheck.core.Range;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.model.ImportFidelity;

/**
 * The outcome of a validation run, as written to {@code result.json} (schema:
 * {@code org/realitycheck/validation/result.schema.json}). The same inputs and seed give the same
 * JSON byte for byte, apart from {@link Provenance#timestamp()}.
 *
 * @param schemaVersion the result format version, {@value #SCHEMA_VERSION}
 * @param verdict the gate's decision
 * @param counts number of checks per status, every status listed
 * @param provenance what was validated, on what, how
 * @param policy the effective policy (thresholds and application ranges), so a report can be
 *     re-rendered from this file alone
 * @param checks per-check results, in run order
 * @param changes every metric against the baseline run, regressions first; empty without a baseline
 */
public record SuiteResult(int schemaVersion, Verdict verdict, Map<String, Integer> counts, Provenance provenance,
        Policy policy, List<CheckResult> checks, List<MetricChange> changes) {
    /** The result format this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public SuiteResult {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        checks = List.copyOf(checks);
        changes = List.copyOf(changes);
    }

    /** @return the result of a check, if it is in the suite */
    public Optional<CheckResult> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @return true when the gate lets the model through */
    public boolean passed(boolean failOnWarn) {
        return verdict.passes(failOnWarn);
    }

    /**
     * Where the result came from: enough to reproduce it.
     *
     * @param timestamp when the run finished (ISO-8601, UTC, seconds); the only field that differs between identical runs
     * @param tool realitycheck version
     * @param dl4j DL4J/ND4J version
     * @param java Java runtime
     * @param os operating system
     * @param cpu CPU model and cores
     * @param domain the domain name
     * @param model the model's file name, or a description for an in-memory generator
     * @param modelSha256 SHA-256 of the model file, or empty
     * @param card the model card
     * @param data where the held-out data came from (a folder, or "simulated")
     * @param dataSha256 {@link org.realitycheck.core.SampleSet#sha256()} of the held-out set
     * @param dataSamples samples in the held-out set
     * @param seed the run's seed (every other seed is derived from it, see {@link Seeds})
     * @param baseline the baseline result's file, or empty
     * @param command the command line that reproduces the run, or empty for the Java API
     * @param trainingRanges covariate ranges from the card
     * @param applicationRanges covariate ranges the checks judged
     * @param policy the policy the run was judged by: its file name and SHA-256, or which domain's default
     *     it was; empty when not recorded
     * @param importFidelity how closely an imported model (ONNX) reproduced its source framework's reference
     *     outputs before the checks ran; empty for our own artifacts and in-memory generators (and in
     *     results written before it existed)
     */
    public record Provenance(String timestamp, String tool, String dl4j, String java, String os, String cpu,
            String domain, String model, String modelSha256, ModelCard card, String data, String dataSha256,
            int dataSamples, long seed, String baseline, List<String> command, Map<String, Range> trainingRanges,
            Map<String, Range> applicationRanges, List<ImportFidelity> importFidelity, String policy) {
        public Provenance {
            policy = policy == null ? "" : policy;
            command = List.copyOf(command);
            importFidelity = importFidelity == null ? List.of() : List.copyOf(importFidelity);
            trainingRanges = Collections.unmodifiableMap(new TreeMap<>(trainingRanges));
            applicationRanges = Collections.unmodifiableMap(new TreeMap<>(applicationRanges));
        }

        /** Provenance of a model that needed no import check. */
        public Provenance(String timestamp, String tool, String dl4j, String java, String os, String cpu,
                String domain, String model, String modelSha256, ModelCard card, String data, String dataSha256,
                int dataSamples, long seed, String baseline, List<String> command, Map<String, Range> trainingRanges,
                Map<String, Range> applicationRanges) {
            this(timestamp, tool, dl4j, java, os, cpu, domain, model, modelSha256, card, data, dataSha256, dataSamples,
                    seed, baseline, command, trainingRanges, applicationRanges, List.of(), "");
        }

        /** Provenance without a named policy (results written before the policy was recorded). */
        public Provenance(String timestamp, String tool, String dl4j, String java, String os, String cpu,
                String domain, String model, String modelSha256, ModelCard card, String data, String dataSha256,
                int dataSamples, long seed, String baseline, List<String> command, Map<String, Range> trainingRanges,
                Map<String, Range> applicationRanges, List<ImportFidelity> importFidelity) {
            this(timestamp, tool, dl4j, java, os, cpu, domain, model, modelSha256, card, data, dataSha256, dataSamples,
                    seed, baseline, command, trainingRanges, applicationRanges, importFidelity, "");
        }
    }

    /**
     * One metric against the baseline run.
     *
     * @param check the check id
     * @param metric the metric name
     * @param before the baseline's value
     * @param after this run's value
     * @param change {@code after - before}
     * @param status the change threshold's outcome, or SKIPPED when the policy sets none for this metric
     * @param reason one line
     */
    public record MetricChange(String check, String metric, double before, double after, double change, Status status,
            String reason) {
    }
}
