package org.realitycheck.hep.detector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.io.AtomicFiles;

/**
 * The detector description as a YAML file ({@code detector.yaml}; the format is documented in
 * docs/data.md under "HEP"):
 * <pre>
 * b_field: 2.0                 # T, along +z
 * efficiency: 1.0              # optional, default 1 (simulation only)
 * multiple_scattering: false   # optional, default false (simulation only)
 * material_per_layer: 0.02     # optional, x/X0 per layer, default 0.02 (simulation only)
 * layers:                      # at least 3, by increasing radius; lengths in mm
 *   - {volume_id: 8, layer_id: 2, radius: 32, half_length: 3000, sigma_rphi: 0.015, sigma_z: 0.05}
 * </pre>
 * Unknown or repeated keys, missing keys and impossible values are errors naming the file and the key.
 * The default toy detector ships as {@code org/realitycheck/hep/detector-toy.yaml} and the TrackML
 * barrel as {@code org/realitycheck/hep/detector-trackml-barrel.yaml}.
 */
public final class DetectorYaml {
    /** The file name {@code load} looks for beside the data. */
    public static final String FILE_NAME = "detector.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final Set<String> TOP = new TreeSet<>(List.of("b_field", "efficiency", "multiple_scattering",
            "material_per_layer", "layers"));
    private static final Set<String> LAYER = new TreeSet<>(List.of("volume_id", "layer_id", "radius", "half_length",
            "sigma_rphi", "sigma_z"));

    private DetectorYaml() {
    }

    /**
     * @param file a detector description
     * @return the detector
     * @throws BadInputException naming the file and key when it is missing, unreadable or wrong
     */
    public static Detector read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "", "no such detector description", e);
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * @param in the YAML text, not closed
     * @param source its name in messages (a path or resource)
     */
    public static Detector read(InputStream in, Path source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw BadInputException.at(source, where, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw BadInputException.at(source, "", "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw BadInputException.at(source, "", "expected a mapping with keys " + TOP);
        }
        unknownKeys(root, TOP, "", source);
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray() || layers.size() < 3) {
            throw BadInputException.at(source, "layers", "expected a list of at least 3 layers");
        }
        int n = layers.size();
        double[] r = new double[n];
        double[] half = new double[n];
        double[] srphi = new double[n];
        double[] sz = new double[n];
        int[] vol = new int[n];
        int[] lay = new int[n];
        for (int i = 0; i < n; i++) {
            JsonNode l = layers.get(i);
            String at = "layers[" + i + "]";
            if (!l.isObject()) {
                throw BadInputException.at(source, at, "expected a mapping with keys " + LAYER);
            }
            unknownKeys(l, LAYER, at + ".", source);
            vol[i] = integer(l, "volume_id", at, source);
            lay[i] = integer(l, "layer_id", at, source);
            r[i] = positive(l, "radius", at, source);
            half[i] = positive(l, "half_length", at, source);
            srphi[i] = positive(l, "sigma_rphi", at, source);
            sz[i] = positive(l, "sigma_z", at, source);
            if (i > 0 && !(r[i] > r[i - 1])) {
                throw BadInputException.at(source, at + ".radius", "layers must be listed by strictly increasing radius, got "
                        + r[i] + " after " + r[i - 1]);
            }
        }
        double b = positive(root, "b_field", "", source);
        double eff = root.has("efficiency") ? positive(root, "efficiency", "", source) : 1.0;
        boolean ms = false;
        if (root.has("multiple_scattering")) {
            if (!root.get("multiple_scattering").isBoolean()) {
                throw BadInputException.at(source, "multiple_scattering", "expected true or false");
            }
            ms = root.get("multiple_scattering").booleanValue();
        }
        double x0 = root.has("material_per_layer") ? positive(root, "material_per_layer", "", source) : 0.02;
        try {
            return new Detector(b, r, half, srphi, sz, vol, lay, eff, ms, x0);
        } catch (IllegalArgumentException e) {
            throw BadInputException.at(source, "", e.getMessage(), e);
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, Path source) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!known.contains(k)) {
                throw BadInputException.at(source, prefix + k, "unknown key; known keys: " + String.join(", ", known));
            }
        }
    }

    private static double positive(JsonNode node, String key, String at, Path source) {
        String where = at.isEmpty() ? key : at + "." + key;
        JsonNode v = node.get(key);
        if (v == null) {
            throw BadInputException.at(source, where, "missing");
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || !(v.doubleValue() > 0)) {
            throw BadInputException.at(source, where, "expected a finite number > 0, got " + v);
        }
        return v.doubleValue();
    }

    private static int integer(JsonNode node, String key, String at, Path source) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw BadInputException.at(source, at + "." + key, "missing");
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw BadInputException.at(source, at + "." + key, "expected an integer, got " + v);
        }
        return v.intValue();
    }

    /**
     * Writes {@code detector} in the format {@link #read} reads, atomically; the same detector gives the
     * same bytes.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Detector detector, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text(detector));
            w.flush();
        });
    }

    /** @return the YAML text of {@code detector} */
    public static String text(Detector d) {
        StringBuilder b = new StringBuilder();
        b.append("# realitycheck hep detector description (docs/data.md, HEP); lengths in mm, field in T\n");
        b.append("b_field: ").append(num(d.bField())).append('\n');
        b.append("efficiency: ").append(num(d.efficiency())).append('\n');
        b.append("multiple_scattering: ").append(d.multipleScattering()).append('\n');
        b.append("material_per_layer: ").append(num(d.materialPerLayer())).append('\n');
        b.append("layers:\n");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < d.layers(); i++) {
            rows.add(String.format(Locale.ROOT, "  - {volume_id: %d, layer_id: %d, radius: %s, half_length: %s, "
                    + "sigma_rphi: %s, sigma_z: %s}", d.volumeId(i), d.layerId(i), num(d.radius(i)),
                    num(d.halfLength(i)), num(d.sigmaRphi(i)), num(d.sigmaZ(i))));
        }
        b.append(String.join("\n", rows)).append('\n');
        return b.toString();
    }

    /** Shortest round-trip form, so a written description reads back to the same doubles. */
    private static String num(double v) {
        return Double.toString(v);
    }
}
