package org.realitycheck.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A check's parameters: its defaults overlaid with the policy's values (already type-checked by the
 * policy parser).
 */
public final class Params {
    private final Map<String, Object> values;

    /** @param values name → Integer, Double, Boolean, String or List of String */
    public Params(Map<String, Object> values) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the defaults overlaid with {@code overrides} */
    public static Params of(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> m = new LinkedHashMap<>(defaults);
        m.putAll(overrides);
        return new Params(m);
    }

    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter '" + name + "' is not declared by the check");
        }
        return v;
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> getStrings(String name) {
        return (List<String>) get(name);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
