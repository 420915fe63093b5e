package org.realitycheck.astro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the reference files under {@code src/test/resources/reference/}. */
public final class TestData {
    private TestData() {
    }

    /** @return the non-comment lines of a reference file */
    public static List<String> lines(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a file of one float per line */
    public static float[] floats(String name) {
        List<String> l = lines(name);
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(l.get(i).trim());
        }
        return out;
    }

    /** @return the value of {@code key} in a "key value" file */
    public static double value(String name, String key) {
        for (String l : lines(name)) {
            String[] f = l.trim().split("\\s+");
            if (f[0].equals(key)) {
                return Double.parseDouble(f[1]);
            }
        }
        throw new IllegalStateException(key + " not in " + name);
    }
}
