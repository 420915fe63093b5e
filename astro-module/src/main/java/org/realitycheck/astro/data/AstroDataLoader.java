package org.realitycheck.astro.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.realitycheck.astro.degrade.Background;
import org.realitycheck.astro.degrade.Psf;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.astro.metrics.SourceDetector;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads astro data (the layout is documented for users in {@code docs/data.md}):
 * <ul>
 *   <li>a folder with {@code catalog.csv} ({@link Catalog}), {@code degraded/<id>.fits} for every row
 *       and, optionally, {@code truth/<id>.fits}: one sample per row;</li>
 *   <li>a folder of FITS files without a catalog ({@code degraded/} if it exists, else the folder itself;
 *       {@code *.fits}, {@code *.fit}, {@code *.fts}), id = file name without extension, the truth from
 *       {@code truth/} when a file of the same name exists;</li>
 *   <li>a single FITS file.</li>
 * </ul>
 *
 * <p><b>Kinds.</b> From the catalog's {@code kind} column; else the header keyword {@code RC_KIND};
 * else by the detection rule: {@code empty} when the degraded image holds no source of at least
 * {@value SourceDetector#DEFAULT_MIN_AREA} connected pixels above {@code 5σ} of its background
 * ({@link SourceDetector#defaults()}), otherwise {@code galaxy}. The result's notes say which was used.
 *
 * <p><b>Instrument</b> ({@link InstrumentReader}): PSF FWHM, pixel scale and sky σ come from the catalog,
 * the FITS header, a {@code psf.fits} beside the data or the load options ({@code --data-option}); what
 * none of them gives is assumed from the
 * simulator's defaults and listed in {@link SampleSet#assumptions()}, which the validation shows as a WARN.
 *
 * <p><b>Values.</b> Images must be square with a power-of-two side ≥ 16, 1 or 3 bands, all of one shape.
 * Missing pixels (NaN, BLANK) become 0 (blank, sky-subtracted sky); ±∞ is an error. A sample whose
 * degraded image has more than half of its pixels missing (the edge of a survey) is dropped and counted;
 * dropping more than {@value #MAX_DROPPED_FRACTION} of the samples is an error.
 */
public final class AstroDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(AstroDataLoader.class);
    /** Largest fraction of samples that may be dropped (mostly blank cut-outs) before loading fails. */
    public static final double MAX_DROPPED_FRACTION = 0.05;
    /** Largest fraction of missing pixels a kept degraded image may have. */
    public static final double MAX_MISSING_PIXELS = 0.5;

    private AstroDataLoader() {
    }

    /**
     * @param path a folder or a FITS file
     * @throws BadInputException naming the file and the place when the data is malformed
     */
    public static SampleSet load(Path path) {
        return load(path, Map.of());
    }

    /** The data options: the instrument for samples whose catalog and header do not give it. */
    public static final List<String> OPTION_KEYS = InstrumentReader.OPTION_KEYS;
    /** The data options' names before they were kebab-case (the catalog's columns), mapped to {@link #OPTION_KEYS}. */
    public static final Map<String, String> DEPRECATED_OPTION_NAMES = InstrumentReader.DEPRECATED;

    /**
     * @param path a folder or a FITS file
     * @param options instrument values ({@link #OPTION_KEYS}: {@code psf_fwhm_pix}, {@code psf_fwhm_arcsec},
     *     {@code pixel_scale}, {@code sky_sigma}, {@code psf_type}, {@code moffat_beta}) used where the
     *     catalog, the FITS header and {@code psf.fits} say nothing, before any default is assumed
     * @throws IllegalArgumentException for an unknown option key or an impossible value
     * @throws BadInputException naming the file and the place when the data is malformed
     */
    public static SampleSet load(Path path, Map<String, String> options) {
        InstrumentReader.checkOptions(options);
        if (Files.isRegularFile(path)) {
            Path parent = path.toAbsolutePath().getParent();
            return new Build(parent, options).files(List.of(path), null);
        }
        if (!Files.isDirectory(path)) {
            throw BadInputException.at(path, "", "no such file or folder");
        }
        Path catalog = path.resolve("catalog.csv");
        if (Files.isRegularFile(catalog)) {
            return new Build(path, options).catalog(path, Catalog.read(catalog));
        }
        Path deg = path.resolve("degraded");
        Path dir = Files.isDirectory(deg) ? deg : path;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && !n.equals("psf.fits") && (n.endsWith(".fits") || n.endsWith(".fit") || n.endsWith(".fts"));
            }).sorted().toList();
        } catch (IOException e) {
            throw BadInputException.at(dir, "", "cannot list folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw BadInputException.at(dir, "", "no catalog.csv and no FITS files (*.fits, *.fit, *.fts)");
        }
        Path truth = path.resolve("truth");
        return new Build(path, options).files(files, Files.isDirectory(truth) ? truth : null);
    }

    /** One load: the samples so far, their shape, and the counts the notes report. */
    private static final class Build {
        private final InstrumentReader instrument;
        private final List<Sample> out = new ArrayList<>();
        private final List<String> dropped = new ArrayList<>();
        private final Map<String, Integer> kindSources = new LinkedHashMap<>();
        private final List<String> noTruth = new ArrayList<>();
        private int withNaN;
        private int total;
        private long[] shape;

        Build(Path dataDir, Map<String, String> options) {
            this.instrument = InstrumentReader.forFolder(dataDir, options);
        }

        SampleSet files(List<Path> files, Path truthDir) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.lastIndexOf('.'));
                Path tf = truthDir != null && Files.isRegularFile(truthDir.resolve(name)) ? truthDir.resolve(name) : null;
                add(id, Optional.empty(), f, tf, Map.of(), Map.of(), "");
            }
            List<String> notes = new ArrayList<>();
            notes.add("no catalog.csv: one sample per FITS file, id = file name");
            return finish(files.get(0), notes);
        }

        SampleSet catalog(Path dir, Catalog cat) {
            for (Catalog.Row row : cat.rows()) {
                Path df = dir.resolve("degraded").resolve(row.id() + ".fits");
                String where = "line " + row.line();
                if (!Files.isRegularFile(df)) {
                    throw BadInputException.at(cat.file(), where, "row '" + row.id() + "' has no degraded image: expected " + df);
                }
                Path tf = dir.resolve("truth").resolve(row.id() + ".fits");
                add(row.id(), row.kind(), df, Files.isRegularFile(tf) ? tf : null, row.numbers(), row.text(),
                        cat.file().getFileName() + " " + where);
            }
            List<String> notes = new ArrayList<>();
            if (!cat.textColumns().isEmpty()) {
                notes.add("catalog text columns kept as sample metadata: " + String.join(", ", cat.textColumns()));
            }
            List<String> numeric = cat.numericColumns();
            if (!numeric.isEmpty()) {
                notes.add("catalog numeric columns kept as covariates: " + String.join(", ", numeric));
            }
            return finish(cat.file(), notes);
        }

        private void add(String id, Optional<String> catalogKind, Path df, Path tf, Map<String, Double> numbers,
                Map<String, String> meta, String row) {
            total++;
            FitsImage d = FitsIO.read(df);
            shape = checkShape(df, d, shape);
            int missing = d.missing();
            if (missing > MAX_MISSING_PIXELS * d.data().length) {
                dropped.add(id + " (" + missing + " of " + d.data().length + " pixels missing)");
                return;
            }
            float[] cond = clean(df, d);
            float[] target = null;
            if (tf != null) {
                FitsImage t = FitsIO.read(tf);
                checkShape(tf, t, shape);
                target = clean(tf, t);
            } else {
                noTruth.add(id);
            }
            Map<String, Double> cov = new LinkedHashMap<>(numbers);
            if (!cov.containsKey("redshift")) {
                InstrumentReader.positive(df, d, "REDSHIFT", true).ifPresent(z -> {
                    Catalog.checkRange(df, "HDU " + d.hdu() + ", keyword REDSHIFT", "redshift", z);
                    cov.put("redshift", z);
                });
            }
            instrument.resolve(df, d, cond, cov, row);
            String kind = kind(df, d, cond, cov, catalogKind);
            out.add(new Sample(id, kind, cond, target, cov, meta));
        }

        private String kind(Path df, FitsImage d, float[] cond, Map<String, Double> cov, Optional<String> catalogKind) {
            if (catalogKind.isPresent()) {
                kindSources.merge("the catalog's kind column", 1, Integer::sum);
                return catalogKind.get();
            }
            String k = d.keywords().get("RC_KIND");
            if (k != null && !k.isBlank()) {
                String kind = k.trim().toLowerCase(Locale.ROOT);
                if (!Catalog.KINDS.contains(kind)) {
                    throw BadInputException.at(df, "HDU " + d.hdu() + ", keyword RC_KIND", "unknown kind '" + k.trim() + "'; known: "
                            + String.join(", ", Catalog.KINDS));
                }
                kindSources.merge("the header keyword RC_KIND", 1, Integer::sum);
                return kind;
            }
            int n = (int) Math.round(Math.sqrt(cond.length / (double) d.bands()));
            int off = d.bands() / 2 * n * n;
            double sigma = cov.get("sky_sigma");
            boolean empty = SourceDetector.defaults().detect(cond, off, n, n, sigma).isEmpty();
            kindSources.merge("the detection rule (no source of >= " + SourceDetector.DEFAULT_MIN_AREA + " pixels above "
                    + (int) SourceDetector.DEFAULT_K + " sigma in the degraded image: empty, else galaxy)", 1, Integer::sum);
            return empty ? "empty" : "galaxy";
        }

        private SampleSet finish(Path where, List<String> notes) {
            if (dropped.size() > MAX_DROPPED_FRACTION * total) {
                throw BadInputException.at(where, "", dropped.size() + " of " + total + " samples would be dropped (more than "
                        + (int) Math.round(100 * MAX_DROPPED_FRACTION) + "%), e.g. " + String.join("; ", dropped.subList(0,
                        Math.min(3, dropped.size()))) + "; expected degraded images with at most "
                        + (int) Math.round(100 * MAX_MISSING_PIXELS) + "% missing pixels");
            }
            if (!dropped.isEmpty()) {
                notes.add(dropped.size() + " of " + total + " samples dropped (more than " + (int) Math.round(100 * MAX_MISSING_PIXELS)
                        + "% missing pixels): " + String.join("; ", dropped));
            }
            kindSources.forEach((src, n) -> notes.add("kind of " + n + " of " + out.size() + " samples from " + src));
            if (noTruth.size() == out.size()) {
                notes.add("no truth images: checks that compare with the truth are skipped");
            } else if (!noTruth.isEmpty()) {
                notes.add(noTruth.size() + " of " + out.size() + " samples have no truth image (e.g. "
                        + String.join(", ", noTruth.subList(0, Math.min(5, noTruth.size()))) + ")");
            }
            if (withNaN > 0) {
                notes.add(withNaN + " of " + out.size() + " samples had missing (NaN/BLANK) pixels, set to 0");
            }
            notes.addAll(instrument.notes(out.size()));
            return new SampleSet(out, shape, shape).withNotes(notes, instrument.assumptions(out.size()));
        }

        private float[] clean(Path f, FitsImage img) {
            float[] d = img.data();
            int nan = 0;
            for (int i = 0; i < d.length; i++) {
                if (Float.isNaN(d[i])) {
                    d[i] = 0;
                    nan++;
                } else if (Float.isInfinite(d[i])) {
                    throw BadInputException.at(f, "HDU " + img.hdu() + ", pixel " + i, "infinite value; expected finite values or NaN for missing");
                }
            }
            if (nan > 0) {
                withNaN++;
                LOG.warn("{}: HDU {}: {} missing (NaN/BLANK) pixels set to 0", f, img.hdu(), nan);
            }
            return d;
        }
    }

    static long[] checkShape(Path f, FitsImage img, long[] shape) {
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

    /** The default PSF FWHM in pixels when the data gives none (GalaxyGAN's 1.4″ at SDSS's 0.396″/pixel). */
    public static double defaultFwhmPix() {
        return Psf.GALAXYGAN_FWHM_ARCSEC / Psf.SDSS_PIXEL_SCALE;
    }

    /** Source-robust noise σ of the first band ({@link Background#noiseSigma}), or a tiny positive floor for a constant image. */
    static double measuredSigma(float[] cond, int side) {
        double s = Background.noiseSigma(cond, 0, side, side);
        return s > 0 ? s : 1e-6;
    }
}
