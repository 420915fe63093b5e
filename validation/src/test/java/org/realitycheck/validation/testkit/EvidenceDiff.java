package org.realitycheck.validation.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Metric;

/** The differences between two {@link Evidence}s: metrics (within a relative tolerance each), cases, notes, artifacts. */
public final class EvidenceDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceDiff() {
    }

    /**
     * @param tolerance per metric name, the relative tolerance of its value, limits and cases (0: bit for bit)
     * @return one line per difference; empty when none
     */
    public static List<String> of(Evidence a, Evidence b, ToDoubleFunction<String> tolerance) {
        List<String> out = new ArrayList<>();
        if (!a.skipReason().equals(b.skipReason())) {
            out.add("skip reason " + a.skipReason() + " vs " + b.skipReason());
        }
        List<String> na = a.metrics().stream().map(Metric::name).toList();
        List<String> nb = b.metrics().stream().map(Metric::name).toList();
        if (!na.equals(nb)) {
            out.add("metrics " + na + " vs " + nb);
            return out;
        }
        for (Metric m : a.metrics()) {
            Metric o = b.metric(m.name()).orElseThrow();
            double tol = tolerance.applyAsDouble(m.name());
            if (!same(m.value(), o.value(), tol) || !same(m.low(), o.low(), tol) || !same(m.high(), o.high(), tol)
                    || !m.unit().equals(o.unit()) || !m.description().equals(o.description())) {
                out.add(m + " vs " + o);
            }
            out.addAll(arrays(m.name() + " cases", a.cases(m.name()).map(x -> new double[][] {x}),
                    b.cases(m.name()).map(x -> new double[][] {x}), tol));
            out.addAll(arrays(m.name() + " case intervals", a.caseIntervals(m.name()), b.caseIntervals(m.name()), tol));
        }
        if (!a.notes().equals(b.notes())) {
            out.add("notes " + a.notes() + " vs " + b.notes());
        }
        if (!json(a.artifacts()).equals(json(b.artifacts()))) {
            out.add("artifacts differ");
        }
        return out;
    }

    private static List<String> arrays(String what, Optional<double[][]> a, Optional<double[][]> b, double tol) {
        if (a.isPresent() != b.isPresent()) {
            return List.of(what + ": present in one only");
        }
        if (a.isEmpty()) {
            return List.of();
        }
        double[][] x = a.get();
        double[][] y = b.get();
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != y[r].length) {
                return List.of(what + ": " + x[r].length + " vs " + y[r].length + " values");
            }
            for (int i = 0; i < x[r].length; i++) {
                if (!same(x[r][i], y[r][i], tol)) {
                    return List.of(what + " [" + r + "][" + i + "]: " + x[r][i] + " vs " + y[r][i]);
                }
            }
        }
        return List.of();
    }

    private static boolean same(double x, double y, double tol) {
        if (tol == 0 || Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
        }
        return Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y)) || x == y;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o) + Map.of();
        }
    }
}
