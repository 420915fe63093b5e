package org.realitycheck.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Range;

/**
 * Reads a {@link Policy} from YAML (or JSON, which is YAML) and checks it against the checks that
 * exist and the domain it will run on. Every problem is a {@link BadInputException} naming the file
 * and the key path, e.g. {@code policy.yaml: checks.ood.covariate.thresholds.degradation.lower: expected
 * a number, got 'low'}: unknown keys, wrong types, impossible values (lower &gt; upper, a fraction
 * outside [0, 1]), unknown check ids and threshold keys that match no metric of the check.
 *
 * <p>The format, with every key:
 * <pre>
 * schemaVersion: 1
 * domain: astro                 # optional: the domain it is written for
 * seed: 12345                   # optional default seed
 * samples: 1000                 # held-out samples simulated when no data is given
 * application:                  # where the model will be used (default: the card's training ranges)
 *   redshift: [0.01, 0.1]
 * checks:
 *   ood.covariate:
 *     enabled: true
 *     params: {covariate: redshift, bins: 10}
 *     thresholds:
 *       psnr_degradation:       { lower: 0.8, severity: fail }
 *       "*.bias":               { lower: -0.05, upper: 0.05, mostly: 0.9, severity: warn }
 *       flux_bias:              { change: { absolute: 0.02, worse: increase }, severity: warn }
 * </pre>
 * Checks the policy does not list do not run (they are reported as SKIPPED, "not in the policy").
 */
public final class PolicyParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final Set<String> TOP = Set.of("schemaVersion", "domain", "seed", "samples", "application", "checks");
    private static final Set<String> SECTION = Set.of("enabled", "params", "thresholds");
    private static final Set<String> THRESHOLD = Set.of("lower", "upper", "mostly", "change", "severity");
    private static final Set<String> CHANGE = Set.of("absolute", "relative", "worse");
    /** Held-out samples when a policy does not say. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** The most {@code samples} may say (the schema's maximum); the CLI also checks it against the heap. */
    public static final int MAX_SAMPLES = 10_000_000;
    /**
     * The largest value any whole-number check parameter may take (bins, resamples, fields,
     * injections, ...): far above what any check needs, low enough that no parameter alone can ask
     * for billions of allocations. Parameters that count simulated samples are further held to the
     * heap by the CLI before any work.
     */
    public static final int MAX_PARAM = 1_000_000;
    /** Parameters that name observables of the domain ({@code auto} and empty mean the default). */
    private static final Set<String> OBSERVABLE_PARAMS = Set.of("observables", "flux_observable");
    /** Parameters that name covariates of the domain (empty means the default). */
    private static final Set<String> COVARIATE_PARAMS = Set.of("covariate", "extra_covariates");

    private final Path source;
    private final Map<String, Check> checks;
    private final Domain domain;

    private PolicyParser(Path source, List<Check> checks, Domain domain) {
        this.source = source;
        this.checks = new LinkedHashMap<>();
        for (Check c : checks) {
            this.checks.put(c.id(), c);
        }
        this.domain = domain;
    }

    /**
     * @param file a YAML or JSON policy file
     * @param checks the checks that exist ({@link Suite#checks()})
     * @param domain the domain the policy will run on
     * @throws BadInputException when the file is missing, unreadable or invalid
     */
    public static Policy parse(Path file, List<Check> checks, Domain domain) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file, checks, domain);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "", "no such file", e);
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read the policy: " + e.getMessage(), e);
        }
    }

    /**
     * @param in the policy text; read fully, not closed
     * @param source the name errors give for it (a path, or e.g. {@code astro default policy})
     */
    public static Policy parse(InputStream in, Path source, List<Check> checks, Domain domain) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw BadInputException.at(source, where, "not valid YAML or JSON: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw BadInputException.at(source, "", "cannot read the policy: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw BadInputException.at(source, "", "the policy is empty; expected a mapping with 'checks'");
        }
        return new PolicyParser(source, checks, domain).policy(root);
    }

    /** The domain's own default policy, parsed with the same rules. */
    public static Policy defaults(Domain domain, List<Check> checks) {
        try (InputStream in = domain.recipe().policy()) {
            return parse(in, Path.of("(" + domain.name() + " default policy)"), checks, domain);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default policy of " + domain.name(), e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private BadInputException bad(String path, String problem) {
        return BadInputException.at(source, path, problem);
    }

    private void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            throw bad(path.isEmpty() ? "top level" : path, "expected a mapping, got " + kind(node));
        }
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw bad(join(path, k), "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNull()) {
            return "nothing (null)";
        }
        return "'" + n.asText() + "'";
    }

    private double number(JsonNode n, String path) {
        if (!n.isNumber()) {
            throw bad(path, "expected a number, got " + kind(n));
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw bad(path, "expected a finite number, got " + v);
        }
        return v;
    }

    private long integer(JsonNode n, String path) {
        if (!n.isIntegralNumber()) {
            throw bad(path, "expected a whole number, got " + kind(n));
        }
        return n.longValue();
    }

    private Policy policy(JsonNode root) {
        onlyKeys(root, "", TOP);
        int version = Policy.SCHEMA_VERSION;
        if (root.has("schemaVersion")) {
            long v = integer(root.get("schemaVersion"), "schemaVersion");
            if (v != Policy.SCHEMA_VERSION) {
                throw bad("schemaVersion", "this realitycheck reads policy schema " + Policy.SCHEMA_VERSION + ", got " + v);
            }
        }
        String dom = null;
        if (root.has("domain")) {
            JsonNode d = root.get("domain");
            if (!d.isTextual()) {
                throw bad("domain", "expected a domain name, got " + kind(d));
            }
            dom = d.asText();
            if (domain != null && !dom.equals(domain.name())) {
                throw bad("domain", "the policy is for domain '" + dom + "' but the run is for '" + domain.name() + "'");
            }
        }
        Long seed = root.has("seed") ? integer(root.get("seed"), "seed") : null;
        int samples = DEFAULT_SAMPLES;
        if (root.has("samples")) {
            long s = integer(root.get("samples"), "samples");
            if (s < 1 || s > MAX_SAMPLES) {
                throw bad("samples", "expected a count in [1, " + MAX_SAMPLES + "], got " + s);
            }
            samples = (int) s;
        }
        Map<String, Range> app = new LinkedHashMap<>();
        if (root.has("application")) {
            JsonNode a = root.get("application");
            if (!a.isObject()) {
                throw bad("application", "expected a mapping covariate: [min, max], got " + kind(a));
            }
            a.properties().forEach(e -> {
                knownName(e.getKey(), "application." + e.getKey(), "covariate");
                app.put(e.getKey(), range(e.getValue(), "application." + e.getKey()));
            });
        }
        if (!root.has("checks")) {
            throw bad("checks", "missing; expected a mapping of check id to its section");
        }
        JsonNode cs = root.get("checks");
        if (!cs.isObject()) {
            throw bad("checks", "expected a mapping of check id to its section, got " + kind(cs));
        }
        Map<String, Policy.CheckPolicy> sections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : cs.properties()) {
            Check c = checks.get(e.getKey());
            if (c == null) {
                throw bad("checks." + e.getKey(), "unknown check; known checks: " + String.join(", ", checks.keySet()));
            }
            sections.put(c.id(), section(c, e.getValue(), "checks." + c.id()));
        }
        return new Policy(version, dom, seed, samples, app, sections);
    }

    private Range range(JsonNode n, String path) {
        if (!n.isArray() || n.size() != 2) {
            throw bad(path, "expected [min, max], got " + kind(n));
        }
        double lo = number(n.get(0), path + "[0]");
        double hi = number(n.get(1), path + "[1]");
        if (lo > hi) {
            throw bad(path, "min " + lo + " > max " + hi);
        }
        return new Range(lo, hi);
    }

    private Policy.CheckPolicy section(Check c, JsonNode n, String path) {
        if (n.isNull()) {
            return new Policy.CheckPolicy(true, Map.of(), Map.of());
        }
        onlyKeys(n, path, SECTION);
        boolean enabled = true;
        if (n.has("enabled")) {
            if (!n.get("enabled").isBoolean()) {
                throw bad(path + ".enabled", "expected true or false, got " + kind(n.get("enabled")));
            }
            enabled = n.get("enabled").booleanValue();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> defaults = c.defaultParams();
        if (n.has("params")) {
            JsonNode p = n.get("params");
            onlyKeys(p, path + ".params", defaults.keySet());
            p.properties().forEach(e -> {
                Object v = param(defaults.get(e.getKey()), e.getValue(), path + ".params." + e.getKey());
                names(e.getKey(), v, path + ".params." + e.getKey());
                params.put(e.getKey(), v);
            });
        }
        try {
            c.validateParams(Params.of(defaults, params));
        } catch (IllegalArgumentException e) {
            throw bad(path + ".params", e.getMessage());
        }
        Map<String, Policy.Threshold> thresholds = new LinkedHashMap<>();
        if (n.has("thresholds")) {
            JsonNode t = n.get("thresholds");
            if (!t.isObject()) {
                throw bad(path + ".thresholds", "expected a mapping of metric to threshold, got " + kind(t));
            }
            List<String> names = domain == null ? List.of() : c.metricNames(domain);
            for (Map.Entry<String, JsonNode> e : t.properties()) {
                String tp = path + ".thresholds." + e.getKey();
                if (domain != null && names.stream().noneMatch(m -> matches(e.getKey(), m))) {
                    throw bad(tp, "no metric of " + c.id() + " matches; its metrics are " + names);
                }
                thresholds.put(e.getKey(), threshold(e.getValue(), tp));
            }
        }
        return new Policy.CheckPolicy(enabled, params, thresholds);
    }

    private Object param(Object def, JsonNode v, String path) {
        if (def instanceof Integer) {
            long x = integer(v, path);
            if (x < Integer.MIN_VALUE || x > MAX_PARAM) {
                throw bad(path, "expected at most " + MAX_PARAM + " (PolicyParser.MAX_PARAM), got " + x);
            }
            return (int) x;
        }
        if (def instanceof Double) {
            return number(v, path);
        }
        if (def instanceof Boolean) {
            if (!v.isBoolean()) {
                throw bad(path, "expected true or false, got " + kind(v));
            }
            return v.booleanValue();
        }
        if (def instanceof String) {
            if (!v.isTextual()) {
                throw bad(path, "expected a text value, got " + kind(v));
            }
            return v.asText();
        }
        if (def instanceof List) {
            if (!v.isArray()) {
                throw bad(path, "expected a list of names, got " + kind(v));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw bad(path + "[" + i + "]", "expected a name, got " + kind(v.get(i)));
                }
                out.add(v.get(i).asText());
            }
            return List.copyOf(out);
        }
        throw new IllegalStateException("check parameter default of unsupported type at " + path + ": " + def);
    }

    /** Refuses an observable or covariate the domain does not have, before any work. */
    private void names(String key, Object value, String path) {
        if (domain == null || !(OBSERVABLE_PARAMS.contains(key) || COVARIATE_PARAMS.contains(key))) {
            return;
        }
        List<String> given = value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : value instanceof String str ? List.of(str) : List.of();
        for (int i = 0; i < given.size(); i++) {
            String n = given.get(i);
            if (n.isBlank() || "auto".equals(n)) {
                continue;
            }
            knownName(n, value instanceof List ? path + "[" + i + "]" : path,
                    OBSERVABLE_PARAMS.contains(key) ? "observable" : "covariate");
        }
    }

    private List<String> observables;
    private Set<String> covariates;

    private void knownName(String name, String path, String kind) {
        if (domain == null) {
            return;
        }
        if (kind.startsWith("observable")) {
            if (observables == null) {
                observables = domain.reference().observables().stream().map(org.realitycheck.core.Observable::name).toList();
            }
            if (!observables.contains(name)) {
                throw bad(path, "unknown observable '" + name + "' of domain " + domain.name() + "; known: " + observables);
            }
        } else {
            if (covariates == null) {
                covariates = new TreeSet<>(domain.probes().sweepableCovariates());
                try {
                    covariates.addAll(domain.data().simulate(1, 1, Map.of()).covariateRanges().keySet());
                } catch (RuntimeException e) {
                    // a domain that cannot simulate: the sweepable covariates are all that is known
                }
            }
            if (!covariates.contains(name)) {
                throw bad(path, "unknown covariate '" + name + "' of domain " + domain.name() + "; known: " + covariates);
            }
        }
    }

    private Policy.Threshold threshold(JsonNode n, String path) {
        onlyKeys(n, path, THRESHOLD);
        Double lower = n.has("lower") ? number(n.get("lower"), path + ".lower") : null;
        Double upper = n.has("upper") ? number(n.get("upper"), path + ".upper") : null;
        Double mostly = n.has("mostly") ? number(n.get("mostly"), path + ".mostly") : null;
        Policy.Change change = null;
        if (n.has("change")) {
            JsonNode c = n.get("change");
            String cp = path + ".change";
            onlyKeys(c, cp, CHANGE);
            Double abs = c.has("absolute") ? number(c.get("absolute"), cp + ".absolute") : null;
            Double rel = c.has("relative") ? number(c.get("relative"), cp + ".relative") : null;
            if (!c.has("worse") || !c.get("worse").isTextual()) {
                throw bad(cp + ".worse", "expected increase or decrease (the direction that is a regression)");
            }
            try {
                change = new Policy.Change(abs, rel, c.get("worse").asText());
            } catch (IllegalArgumentException e) {
                throw bad(cp, e.getMessage());
            }
        }
        Policy.Severity severity = Policy.Severity.fail;
        if (n.has("severity")) {
            String s = n.get("severity").asText();
            try {
                severity = Policy.Severity.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw bad(path + ".severity", "expected fail or warn, got '" + s + "'");
            }
        }
        try {
            return new Policy.Threshold(lower, upper, mostly, change, severity);
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    /**
     * @return true when a policy key (a metric name, or a glob with {@code *}) matches a metric name;
     *     declared names may hold {@code *} themselves (e.g. {@code bin*.psnr} for a variable number of bins)
     */
    public static boolean matches(String key, String metric) {
        return glob(key).matcher(metric).matches() || glob(metric).matcher(key).matches();
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        String[] parts = g.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
