package org.realitycheck.astro.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.realitycheck.core.BadInputException;

/**
 * An astro {@code catalog.csv} read with commons-csv (RFC 4180: quoted fields may hold commas, quotes
 * and line breaks; CRLF or LF; a UTF-8 byte-order mark is skipped; blank lines are skipped and every
 * message gives the physical line of the file).
 *
 * <p>The header needs an {@code id} column; {@code kind} is optional. Column names are trimmed and must
 * be unique and non-empty. Each row gives:
 * <ul>
 *   <li>{@code id}: unique in the file, and the name of its files {@code degraded/<id>.fits} ({@link #idProblem}):
 *       catalog names such as {@code J0912+0252} or {@code NGC 4414} are ids as they stand;</li>
 *   <li>{@code kind}: one of {@link #KINDS} (any case);</li>
 *   <li>covariates: the {@linkplain #NUMERIC known numeric columns}, which must be numbers in their
 *       physical range ({@link #checkRange}), and every other column whose values are all numbers;</li>
 *   <li>metadata: the remaining (text) columns, kept as text for the reader ({@code source},
 *       {@code survey}, {@code subtype}).</li>
 * </ul>
 * An empty field means "not given".
 */
final class Catalog {
    /** The sample kinds a catalog may name: those {@code simulate astro} writes. */
    static final List<String> KINDS = List.of("galaxy", "empty", "injected");
    /**
     * Columns that are always numbers (the covariates {@code simulate astro} writes and the instrument
     * columns the loader reads); a text value there is an error, not metadata.
     */
    static final Set<String> NUMERIC = Set.of("redshift", "flux", "r_e", "r_e_kpc", "sersic_n", "q", "pa", "x0", "y0", "b_t",
            "luminosity", "sky_sigma", "psf_fwhm_pix", "psf_fwhm_arcsec", "psf_type", "moffat_beta", "pixel_scale", "downsample",
            "bands", "inj_type", "inj_x", "inj_y", "inj_flux", "inj_radius");
    /** Largest redshift accepted: beyond the most distant galaxies known (z ≈ 14, JADES; Carniani et al. 2024). */
    static final double MAX_REDSHIFT = 20;

    /** One catalog row: its physical line, id, kind (if the catalog has a kind column), numbers and text. */
    record Row(int line, String id, Optional<String> kind, Map<String, Double> numbers, Map<String, String> text) {
    }

    private final Path file;
    private final List<String> header;
    private final List<Row> rows;
    private final List<String> textColumns;

    private Catalog(Path file, List<String> header, List<Row> rows, List<String> textColumns) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.textColumns = textColumns;
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** @return the columns kept as text metadata, in header order */
    List<String> textColumns() {
        return textColumns;
    }

    /** @return the columns kept as covariates beyond {@code id} and {@code kind}, in header order */
    List<String> numericColumns() {
        List<String> out = new ArrayList<>();
        for (String h : header) {
            if (!h.equals("id") && !h.equals("kind") && !textColumns.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * @throws BadInputException naming the file, the line and the column when the catalog is malformed
     */
    static Catalog read(Path file) {
        List<String[]> raw = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            try (CSVParser p = CSVParser.parse(r, format)) {
                long before = 0;
                for (CSVRecord rec : p) {
                    int line = (int) before + 1;
                    before = p.getCurrentLineNumber();
                    if (rec.size() == 1 && rec.get(0).isBlank()) {
                        continue;
                    }
                    raw.add(rec.values());
                    lines.add(line);
                }
            }
        } catch (CharacterCodingException e) {
            throw BadInputException.at(file, "", "not UTF-8 text (" + e.getMessage() + "); expected a UTF-8 CSV file", e);
        } catch (IOException | UncheckedIOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw BadInputException.at(file, "", "cannot read CSV: " + why.lines().findFirst().orElse(why), e);
        }
        if (raw.isEmpty()) {
            throw BadInputException.at(file, "line 1", "empty file; expected a header with an id column");
        }
        List<String> header = header(file, raw.get(0), lines.get(0));
        int idCol = header.indexOf("id");
        int kindCol = header.indexOf("kind");
        List<String> text = textColumns(header, raw);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < raw.size(); i++) {
            String[] f = raw.get(i);
            int line = lines.get(i);
            String where = "line " + line;
            if (f.length != header.size()) {
                throw BadInputException.at(file, where, "expected " + header.size() + " fields (as in the header), got " + f.length);
            }
            String id = f[idCol].trim();
            String bad = idProblem(id);
            if (bad != null) {
                throw BadInputException.at(file, where + ", column id", "expected an id that names a file, degraded/<id>.fits ("
                        + bad + "), got '" + id + "'");
            }
            Integer prev = seen.putIfAbsent(id, line);
            if (prev != null) {
                throw BadInputException.at(file, where + ", column id", "duplicate id '" + id + "' (first on line " + prev + ")");
            }
            Optional<String> kind = Optional.empty();
            if (kindCol >= 0 && !f[kindCol].isBlank()) {
                String k = f[kindCol].trim().toLowerCase(Locale.ROOT);
                if (!KINDS.contains(k)) {
                    throw BadInputException.at(file, where + ", column kind", "unknown kind '" + f[kindCol].trim() + "'; known: "
                            + String.join(", ", KINDS));
                }
                kind = Optional.of(k);
            }
            Map<String, Double> numbers = new LinkedHashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String col = header.get(c);
                String v = f[c].trim();
                if (c == idCol || c == kindCol || v.isEmpty()) {
                    continue;
                }
                if (text.contains(col)) {
                    meta.put(col, v);
                    continue;
                }
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw BadInputException.at(file, where + ", column " + col, "expected a number, got '" + v + "'");
                }
                checkRange(file, where + ", column " + col, col, x);
                numbers.put(col, x);
            }
            rows.add(new Row(line, id, kind, numbers, meta));
        }
        if (rows.isEmpty()) {
            throw BadInputException.at(file, "", "no samples: the catalog has a header only");
        }
        return new Catalog(file, header, List.copyOf(rows), text);
    }

    private static List<String> header(Path file, String[] f, int line) {
        List<String> header = new ArrayList<>();
        Map<String, Integer> pos = new HashMap<>();
        for (int c = 0; c < f.length; c++) {
            String h = f[c].trim();
            if (h.isEmpty()) {
                throw BadInputException.at(file, "line " + line + ", column " + (c + 1), "empty column name in the header");
            }
            Integer prev = pos.putIfAbsent(h, c + 1);
            if (prev != null) {
                throw BadInputException.at(file, "line " + line, "duplicate column '" + h + "' (columns " + prev + " and " + (c + 1)
                        + "); expected unique names");
            }
            header.add(h);
        }
        if (!header.contains("id")) {
            throw BadInputException.at(file, "line " + line, "no 'id' column in the header " + header
                    + "; expected at least id (and usually kind, redshift)");
        }
        return List.copyOf(header);
    }

    /** Columns other than id/kind, not in {@link #NUMERIC}, with a non-empty value that is not a number. */
    private static List<String> textColumns(List<String> header, List<String[]> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String col = header.get(c);
            if (col.equals("id") || col.equals("kind") || NUMERIC.contains(col)) {
                continue;
            }
            for (int i = 1; i < raw.size(); i++) {
                String[] f = raw.get(i);
                if (c < f.length && !f[c].isBlank() && !isNumber(f[c].trim())) {
                    out.add(col);
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Characters no id may hold: they are not portable in a file name (Windows reserves them) or separate folders. */
    private static final String NOT_IN_IDS = "/\\:*?\"<>|";

    /**
     * The id rule: an id is used as it stands in the file names {@code degraded/<id>.fits} and
     * {@code truth/<id>.fits}, so it must name one file inside those folders on every common file system:
     * not empty, at most 200 characters, no folder separator, none of {@code : * ? " < > |}, no control
     * character, not starting with a dot (no {@code ..}, no hidden file). Letters of any script, digits,
     * spaces and {@code + - _ . , ( ) [ ] # '} and the like are fine, as catalog names use them.
     *
     * @return what is wrong with {@code id}, or null when it is a valid id
     */
    static String idProblem(String id) {
        if (id.isEmpty()) {
            return "it is empty";
        }
        if (id.length() > 200) {
            return "longer than 200 characters";
        }
        if (id.startsWith(".")) {
            return "it starts with a dot";
        }
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (NOT_IN_IDS.indexOf(ch) >= 0) {
                return "no " + NOT_IN_IDS.chars().mapToObj(c -> String.valueOf((char) c)).collect(java.util.stream.Collectors.joining(" "))
                        + " in an id, found '" + ch + "'";
            }
            if (Character.isISOControl(ch)) {
                return "a control character at position " + (i + 1);
            }
        }
        return null;
    }

    /**
     * Values are checked where they enter: every number finite; {@code redshift} in
     * {@code [0, }{@value #MAX_REDSHIFT}{@code ]}; σ, FWHM, pixel scale and flux radii {@code > 0};
     * {@code downsample} and {@code bands} positive integers; {@code moffat_beta > 1}; {@code psf_type} 0 or 1.
     */
    static void checkRange(Path file, String where, String col, double x) {
        if (!Double.isFinite(x)) {
            throw BadInputException.at(file, where, "expected a finite number, got " + x);
        }
        String problem = switch (col) {
            case "redshift" -> x >= 0 && x <= MAX_REDSHIFT ? null : "expected a redshift in [0, " + (int) MAX_REDSHIFT + "]";
            case "sky_sigma", "psf_fwhm_pix", "psf_fwhm_arcsec", "pixel_scale", "r_e", "r_e_kpc", "sersic_n", "inj_radius" ->
                    x > 0 ? null : "expected a value > 0";
            case "downsample", "bands" -> x >= 1 && x == Math.rint(x) ? null : "expected a positive integer";
            case "moffat_beta" -> x > 1 ? null : "expected a Moffat beta > 1";
            case "psf_type" -> x == 0 || x == 1 ? null : "expected 0 (gaussian) or 1 (moffat)";
            default -> null;
        };
        if (problem != null) {
            throw BadInputException.at(file, where, problem + ", got " + x);
        }
    }
}
