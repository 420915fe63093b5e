package org.realitycheck.astro;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.realitycheck.astro.degrade.Background;
import org.realitycheck.astro.degrade.Psf;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads astro data:
 * <ul>
 *   <li>a folder written by {@link AstroDataWriter} ({@code catalog.csv}, {@code degraded/}, {@code truth/}):
 *       one sample per catalog row, covariates from the numeric columns, the truth when its file exists;</li>
 *   <li>a folder of FITS files without a catalog (in {@code degraded/} if that exists, else the folder
 *       itself; {@code *.fits}, {@code *.fit}, {@code *.fts}): samples of kind {@code galaxy} (or the header's RC_KIND) without target
 *       (unless a {@code truth/} file of the same name exists), id = file name without extension;</li>
 *   <li>a single FITS file.</li>
 * </ul>
 * Without a catalog the instrument comes from the header (PSFFWHM in pixels, PSFTYPE, MOFFBETA, SKYSIG,
 * REDSHIFT, DOWNSAMP) or defaults (Gaussian 1.4″ at 0.396″/pixel; σ from the background of the image).
 * Images must be square with a power-of-two side and all of one shape. NaN (missing) pixels become 0
 * (blank, sky-subtracted sky) with a warning; a file with no finite pixel is rejected.
 */
public final class AstroDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(AstroDataLoader.class);

    private AstroDataLoader() {
    }

    /**
     * @param path a folder or a FITS file
     * @throws BadInputException naming the file and the place when the data is malformed
     */
    public static SampleSet load(Path path) {
        if (Files.isRegularFile(path)) {
            return fromFiles(List.of(path), null);
        }
        if (!Files.isDirectory(path)) {
            throw BadInputException.at(path, "", "no such file or folder");
        }
        Path catalog = path.resolve("catalog.csv");
        if (Files.isRegularFile(catalog)) {
            return fromCatalog(path, catalog);
        }
        Path deg = path.resolve("degraded");
        Path dir = Files.isDirectory(deg) ? deg : path;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (n.endsWith(".fits") || n.endsWith(".fit") || n.endsWith(".fts"));
            }).sorted().toList();
        } catch (IOException e) {
            throw BadInputException.at(dir, "", "cannot list folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw BadInputException.at(dir, "", "no catalog.csv and no FITS files (*.fits, *.fit, *.fts)");
        }
        Path truth = path.resolve("truth");
        return fromFiles(files, Files.isDirectory(truth) ? truth : null);
    }

    private static SampleSet fromFiles(List<Path> files, Path truthDir) {
        List<Sample> out = new ArrayList<>();
        long[] shape = null;
        for (Path f : files) {
            FitsImage img = FitsIO.read(f);
            shape = checkShape(f, img, shape);
            String name = f.getFileName().toString();
            String id = name.substring(0, name.lastIndexOf('.'));
            float[] cond = clean(f, img);
            float[] target = null;
            if (truthDir != null && Files.isRegularFile(truthDir.resolve(name))) {
                Path tf = truthDir.resolve(name);
                FitsImage t = FitsIO.read(tf);
                checkShape(tf, t, shape);
                target = clean(tf, t);
            }
            Map<String, Double> cov = fromHeader(img, cond);
            out.add(new Sample(id, img.keywords().getOrDefault("RC_KIND", "galaxy"), cond, target, cov));
        }
        return new SampleSet(out, shape, shape);
    }

    private static Map<String, Double> fromHeader(FitsImage img, float[] cond) {
        Map<String, Double> cov = new LinkedHashMap<>();
        Map<String, String> k = img.keywords();
        number(k, "REDSHIFT").ifPresent(v -> cov.put("redshift", v));
        double skySigma = number(k, "SKYSIG").orElse(Background.sigma(cond, 0, img.height() * img.width()));
        cov.put("sky_sigma", skySigma > 0 ? skySigma : 1e-6);
        String psfType = k.getOrDefault("PSFTYPE", "gaussian");
        cov.put("psf_type", (double) Psf.Kind.parse(psfType.isBlank() ? "gaussian" : psfType).code());
        cov.put("psf_fwhm_pix", number(k, "PSFFWHM").orElse(Psf.GALAXYGAN_FWHM_ARCSEC / Psf.SDSS_PIXEL_SCALE));
        cov.put("moffat_beta", number(k, "MOFFBETA").orElse(Psf.DEFAULT_BETA));
        cov.put("pixel_scale", number(k, "PIXSCALE").orElse(Psf.SDSS_PIXEL_SCALE));
        cov.put("downsample", number(k, "DOWNSAMP").orElse(1.0));
        cov.put("bands", (double) img.bands());
        return cov;
    }

    private static java.util.OptionalDouble number(Map<String, String> k, String key) {
        String v = k.get(key);
        if (v == null) {
            return java.util.OptionalDouble.empty();
        }
        try {
            return java.util.OptionalDouble.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return java.util.OptionalDouble.empty();
        }
    }

    private static long[] checkShape(Path f, FitsImage img, long[] shape) {
        long[] s = {img.bands(), img.height(), img.width()};
        if (img.height() != img.width() || Integer.bitCount(img.width()) != 1 || img.width() < 16) {
            throw BadInputException.at(f, "HDU " + img.hdu(), "expected square images with a power-of-two side >= 16 (e.g. 64x64), got "
                    + img.width() + "x" + img.height());
        }
        if (img.bands() != 1 && img.bands() != 3) {
            throw BadInputException.at(f, "HDU " + img.hdu(), "expected 1 or 3 bands, got " + img.bands());
        }
        if (shape != null && !Arrays.equals(shape, s)) {
            throw BadInputException.at(f, "HDU " + img.hdu(), "shape " + Arrays.toString(s) + " differs from the other files' "
                    + Arrays.toString(shape));
        }
        return s;
    }

    private static float[] clean(Path f, FitsImage img) {
        float[] d = img.data();
        int nan = 0;
        for (int i = 0; i < d.length; i++) {
            if (Float.isNaN(d[i])) {
                d[i] = 0;
                nan++;
            } else if (Float.isInfinite(d[i])) {
                throw BadInputException.at(f, "HDU " + img.hdu(), "pixel " + i + " is infinite; expected finite values or NaN for missing");
            }
        }
        if (nan > 0) {
            LOG.warn("{}: HDU {}: {} missing (NaN/BLANK) pixels set to 0", f, img.hdu(), nan);
        }
        return d;
    }

    private static SampleSet fromCatalog(Path dir, Path catalog) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(catalog, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw BadInputException.at(catalog, "", "cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw BadInputException.at(catalog, "line 1", "empty file; expected a header starting with id,kind");
        }
        String[] head = lines.get(0).split(",", -1);
        if (head.length < 2 || !head[0].equals("id") || !head[1].equals("kind")) {
            throw BadInputException.at(catalog, "line 1", "expected a header starting with id,kind; got '" + lines.get(0) + "'");
        }
        List<Sample> out = new ArrayList<>();
        long[] shape = null;
        Map<String, Integer> firstLine = new java.util.HashMap<>();
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + (ln + 1);
            String[] f = line.split(",", -1);
            if (f.length != head.length) {
                throw BadInputException.at(catalog, where, "expected " + head.length + " fields, got " + f.length);
            }
            String id = f[0];
            if (!id.matches("[A-Za-z0-9._-]+")) {
                throw BadInputException.at(catalog, where + ", field id", "expected a file-name-safe id, got '" + id + "'");
            }
            Integer first = firstLine.putIfAbsent(id, ln + 1);
            if (first != null) {
                throw BadInputException.at(catalog, where + ", field id", "id '" + id + "' appears twice (first on line " + first
                        + "); expected unique ids");
            }
            Map<String, Double> cov = new LinkedHashMap<>();
            for (int c = 2; c < head.length; c++) {
                if (head[c].equals("subtype") || f[c].isEmpty()) {
                    continue;
                }
                try {
                    cov.put(head[c], Double.parseDouble(f[c]));
                } catch (NumberFormatException e) {
                    throw BadInputException.at(catalog, where + ", field " + head[c], "expected a number, got '" + f[c] + "'");
                }
            }
            Path df = dir.resolve("degraded").resolve(id + ".fits");
            if (!Files.isRegularFile(df)) {
                throw BadInputException.at(catalog, where, "degraded/" + id + ".fits is missing");
            }
            FitsImage d = FitsIO.read(df);
            shape = checkShape(df, d, shape);
            float[] target = null;
            Path tf = dir.resolve("truth").resolve(id + ".fits");
            if (Files.isRegularFile(tf)) {
                FitsImage t = FitsIO.read(tf);
                checkShape(tf, t, shape);
                target = clean(tf, t);
            }
            float[] cond = clean(df, d);
            if (!cov.containsKey("sky_sigma")) {
                cov.putAll(withoutExisting(fromHeader(d, cond), cov));
            }
            out.add(new Sample(id, f[1], cond, target, cov));
        }
        if (out.isEmpty()) {
            throw BadInputException.at(catalog, "", "no samples: the catalog has a header only");
        }
        return new SampleSet(out, shape, shape);
    }

    private static Map<String, Double> withoutExisting(Map<String, Double> add, Map<String, Double> have) {
        Map<String, Double> m = new LinkedHashMap<>(add);
        m.keySet().removeAll(have.keySet());
        return m;
    }
}
