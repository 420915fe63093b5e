package org.realitycheck.validation.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Range;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.SuiteResult;

/**
 * The one rule for when two validation runs may be compared, shared by {@code validate --baseline}
 * and {@code compare} so that both accept and refuse the same pairs:
 * <ul>
 *   <li>both runs are of the same domain (an astro PSNR against a hep pull width means nothing);</li>
 *   <li>both were judged by the same policy (the same checks, parameters and thresholds) on the same
 *       application ranges, unless the caller allows a change; then {@link #changes} lists what
 *       changed, for the user and the report. The number of samples and the seed are not part of
 *       the rule: they change the precision of a metric, not what it measures.</li>
 * </ul>
 */
public final class RunPairs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers compare by value: 10 and 10.0 are the same threshold. */
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return 1;
    };

    private RunPairs() {
    }

    /**
     * @param before the earlier run (baseline, or compare's A), read from {@code beforeName}
     * @param after the later run's domain
     * @throws BadInputException naming both runs and both domains when they differ
     */
    public static void requireSameDomain(SuiteResult before, String beforeName, String afterDomain, String afterName) {
        String bd = before.provenance().domain();
        if (!Objects.equals(bd, afterDomain)) {
            throw new BadInputException(beforeName + ": a run of domain '" + bd + "', but " + afterName + " is of domain '"
                    + afterDomain + "'; runs of two domains cannot be compared; give a run of the " + afterDomain + " domain");
        }
    }

    /**
     * What differs between two runs' policies and application ranges, one line each, e.g.
     * {@code checks.ood.covariate.thresholds: changed} or {@code application.redshift: [0, 0.1] -> [0, 0.2]};
     * empty when the pair may be compared as it is.
     *
     * @param appBefore the earlier run's application ranges (the policy's, completed from the card), or
     *     null to compare the policies' own application sections
     * @param appAfter the later run's application ranges, or null
     */
    public static List<String> changes(Policy before, Map<String, Range> appBefore, Policy after, Map<String, Range> appAfter) {
        List<String> out = new ArrayList<>();
        JsonNode cb = JSON.valueToTree(before.checks());
        JsonNode ca = JSON.valueToTree(after.checks());
        Set<String> ids = new LinkedHashSet<>();
        cb.fieldNames().forEachRemaining(ids::add);
        ca.fieldNames().forEachRemaining(ids::add);
        for (String id : ids) {
            JsonNode x = cb.get(id);
            JsonNode y = ca.get(id);
            if (x == null || y == null) {
                out.add("checks." + id + ": " + (x == null ? "added" : "removed"));
                continue;
            }
            for (Iterator<String> it = fields(x, y); it.hasNext();) {
                String k = it.next();
                JsonNode vx = x.get(k);
                JsonNode vy = y.get(k);
                boolean same = vx == null ? vy == null : vy != null && vx.equals(NUMERIC, vy);
                if (!same) {
                    out.add("checks." + id + "." + k + ": " + text(vx) + " -> " + text(vy));
                }
            }
        }
        if (appBefore != null && appAfter != null) {
            rangeChanges("application", appBefore, appAfter, out);
        } else {
            rangeChanges("application", before.application(), after.application(), out);
        }
        return out;
    }

    /**
     * Applies the rule: refuses a pair of two domains always, and a pair with {@link #changes} unless
     * {@code allowPolicyChange}.
     *
     * @return the changes (empty when none); the caller lists them when it goes ahead
     * @throws BadInputException naming what differs and the option that allows it
     */
    public static List<String> check(SuiteResult before, String beforeName, String afterDomain, Policy after,
            Map<String, Range> appAfter, String afterName, boolean allowPolicyChange, String allowOption) {
        requireSameDomain(before, beforeName, afterDomain, afterName);
        List<String> changes = changes(before.policy(), appAfter == null ? null : before.provenance().applicationRanges(),
                after, appAfter);
        if (!changes.isEmpty() && !allowPolicyChange) {
            throw new BadInputException(beforeName + ": judged by another policy or application range than " + afterName
                    + " (" + String.join("; ", changes) + "); metrics judged by different rules are not comparable; add "
                    + allowOption + " to compare anyway");
        }
        return changes;
    }

    private static Iterator<String> fields(JsonNode x, JsonNode y) {
        Set<String> s = new LinkedHashSet<>();
        x.fieldNames().forEachRemaining(s::add);
        y.fieldNames().forEachRemaining(s::add);
        return s.iterator();
    }

    private static String text(JsonNode n) {
        String t = n == null ? "(none)" : n.toString();
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    private static void rangeChanges(String what, Map<String, Range> before, Map<String, Range> after, List<String> out) {
        Map<String, Range> b = before == null ? Map.of() : new TreeMap<>(before);
        Map<String, Range> a = after == null ? Map.of() : new TreeMap<>(after);
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (String k : keys) {
            Range x = b.get(k);
            Range y = a.get(k);
            boolean same = x != null && y != null && Double.compare(x.min(), y.min()) == 0 && Double.compare(x.max(), y.max()) == 0;
            if (!same) {
                out.add(what + "." + k + ": " + show(x) + " -> " + show(y));
            }
        }
    }

    private static String show(Range r) {
        return r == null ? "(none)" : "[" + r.min() + ", " + r.max() + "]";
    }
}
