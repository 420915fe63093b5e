package org.realitycheck.validation.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads {@code reference/stats/reference.json}, made by {@code make_reference.py} next to it
 * (scipy/numpy; see the script for the exact command).
 */
final class Reference {

    private static final JsonNode ROOT = load();

    private Reference() {
    }

    static JsonNode get(String key) {
        JsonNode n = ROOT.get(key);
        if (n == null) {
            throw new IllegalStateException("reference.json has no key " + key);
        }
        return n;
    }

    static double[] doubles(JsonNode array) {
        double[] x = new double[array.size()];
        for (int i = 0; i < x.length; i++) {
            JsonNode v = array.get(i);
            // non-finite numbers are written as strings by the script ("nan", "inf")
            x[i] = v.isTextual() ? parse(v.asText()) : v.asDouble();
        }
        return x;
    }

    static double[][] matrix(JsonNode array) {
        double[][] x = new double[array.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = doubles(array.get(i));
        }
        return x;
    }

    private static double parse(String s) {
        switch (s) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    private static JsonNode load() {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/stats/reference.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/stats/reference.json not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
