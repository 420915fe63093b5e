package org.realitycheck.validation.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.realitycheck.core.Domain;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;

/** A check for the engine's own tests: its measurement is a function given by the test. */
public final class FakeCheck implements Check {
    private final String id;
    private final List<String> metrics;
    private final Function<CheckContext, Evidence> measure;
    private final Map<String, Object> params;

    public FakeCheck(String id, List<String> metrics, Function<CheckContext, Evidence> measure) {
        this(id, metrics, Map.of(), measure);
    }

    public FakeCheck(String id, List<String> metrics, Map<String, Object> params, Function<CheckContext, Evidence> measure) {
        this.id = id;
        this.metrics = List.copyOf(metrics);
        this.measure = measure;
        this.params = new LinkedHashMap<>(params);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "Fake " + id;
    }

    @Override
    public String protectsAgainst() {
        return "nothing; it tests the engine";
    }

    @Override
    public String headline() {
        return metrics.isEmpty() ? "" : metrics.get(0);
    }

    @Override
    public Map<String, Object> defaultParams() {
        return params;
    }

    @Override
    public List<String> metricNames(Domain domain) {
        return metrics;
    }

    @Override
    public Evidence measure(CheckContext ctx) {
        return measure.apply(ctx);
    }
}
