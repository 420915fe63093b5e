package org.realitycheck.astro.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.realitycheck.astro.degrade.Psf;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.core.BadInputException;

/**
 * The instrument of a user's data, read where survey pipelines write it, first found wins:
 * <ol>
 *   <li><b>PSF FWHM</b>: catalog column {@code psf_fwhm_pix} (pixels) or {@code psf_fwhm_arcsec}; header
 *       {@code PSFFWHM} (pixels, realitycheck's own), {@code FWHM} (pixels, as DAOPHOT/IRAF and DES
 *       images write it), {@code PSF_FWHM} or {@code SEEING} (arcsec, as SDSS/HSC-style pipelines write
 *       it); else a {@code psf.fits} image beside the data, whose FWHM is measured from its second
 *       moments (Gaussian-equivalent: {@code FWHM = 2√(2 ln 2)·√((Ixx + Iyy)/2 − 1/12)}, the 1/12
 *       removing the pixel's own width); else the load option ({@code --data-option psf_fwhm_pix=4.7} or
 *       {@code psf_fwhm_arcsec}); else the simulator's default, <b>assumed</b>.</li>
 *   <li><b>PSF profile</b>: catalog {@code psf_type}/{@code moffat_beta}, header {@code PSFTYPE}/{@code MOFFBETA};
 *       else Gaussian.</li>
 *   <li><b>Pixel scale</b> (arcsec/pixel; needed to convert an FWHM in arcsec): catalog {@code pixel_scale};
 *       header {@code PIXSCALE}, the WCS matrix {@code CD1_1..CD2_2} ({@code √|det CD|}, degrees), or
 *       {@code CDELT1/2} ({@code √|CDELT1·CDELT2|}, degrees); else SDSS's 0.396″, <b>assumed</b> when
 *       it is used.</li>
 *   <li><b>Sky σ</b> (counts): catalog {@code sky_sigma}, header {@code SKYSIG}; else measured from the
 *       image ({@link org.realitycheck.astro.degrade.Background#noiseSigma}: the smaller of the clipped MAD
 *       of the pixels and the MAD of neighbouring-pixel differences).</li>
 * </ol>
 * Every value is checked where it enters (finite, positive, FWHM at most a quarter of the image side);
 * the notes say where each came from and the assumptions what was assumed, per number of samples.
 */
final class InstrumentReader {
    private final Path psfFile;
    private double psfFileFwhm = Double.NaN;
    private final Map<String, Integer> psfFrom = new LinkedHashMap<>();
    private final Map<String, Integer> skyFrom = new LinkedHashMap<>();
    private final Map<String, Integer> scaleFrom = new LinkedHashMap<>();
    private double minFwhm = Double.POSITIVE_INFINITY;
    private double maxFwhm = Double.NEGATIVE_INFINITY;
    private int psfAssumed;
    private int scaleAssumed;

    /**
     * The load options ({@code --data-option}): the catalog's column names in kebab-case
     * ({@code psf-fwhm-pix} for the column {@code psf_fwhm_pix}), in its units.
     */
    static final List<String> OPTION_KEYS = List.of("psf-fwhm-pix", "psf-fwhm-arcsec", "pixel-scale", "sky-sigma", "psf-type",
            "moffat-beta");
    /** The column names, the option names before they were kebab-case: still accepted, deprecated. */
    static final Map<String, String> DEPRECATED = org.realitycheck.astro.sim.SimConfig.deprecated(OPTION_KEYS);
    private final Map<String, Double> options;

    private InstrumentReader(Path psfFile, Map<String, Double> options) {
        this.psfFile = psfFile;
        this.options = options;
    }

    /**
     * @param dir the data folder; a {@code psf.fits} in it describes the PSF of every sample without one
     * @param options {@link #OPTION_KEYS} → value, for what the data does not say (checked by {@link #checkOptions})
     */
    static InstrumentReader forFolder(Path dir, Map<String, String> options) {
        Path p = dir == null ? null : dir.resolve("psf.fits");
        return new InstrumentReader(p != null && Files.isRegularFile(p) ? p : null, checkOptions(options));
    }

    /**
     * @return the options as numbers ({@code psf_type} also as {@code gaussian}/{@code moffat})
     * @throws BadInputException naming an unknown key (listing the known ones) or an impossible value
     */
    static Map<String, Double> checkOptions(Map<String, String> options) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(options).entrySet()) {
            String name = DEPRECATED.getOrDefault(e.getKey(), e.getKey());
            if (!name.equals(e.getKey())) {
                org.realitycheck.core.Deprecations.warnOnce("data option", e.getKey(), name);
            }
            String v = e.getValue().trim();
            if (!OPTION_KEYS.contains(name)) {
                throw new BadInputException("unknown data option '" + e.getKey() + "'; known: " + String.join(", ", OPTION_KEYS));
            }
            // the catalog column (and covariate) the option stands in for
            String k = name.replace('-', '_');
            double x;
            if (k.equals("psf_type") && !v.isEmpty() && Character.isLetter(v.charAt(0))) {
                try {
                    x = Psf.Kind.parse(v).code();
                } catch (IllegalArgumentException ex) {
                    throw new BadInputException("data option " + name + ": " + ex.getMessage());
                }
            } else {
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException ex) {
                    throw new BadInputException("data option " + name + ": expected a number, got '" + v + "'");
                }
            }
            Catalog.checkRange(Path.of("--data-option"), name, k, x);
            out.put(k, x);
        }
        return out;
    }

    /**
     * Adds the instrument covariates ({@code psf_fwhm_pix}, {@code psf_type}, {@code moffat_beta},
     * {@code pixel_scale}, {@code sky_sigma}, {@code downsample}, {@code bands}) that {@code cov} (the
     * catalog's values) does not hold yet.
     */
    void resolve(Path file, FitsImage img, float[] cond, Map<String, Double> cov, String row) {
        int size = img.width();
        cov.put("bands", (double) img.bands());
        // pixel scale
        String scaleSrc = null;
        if (cov.containsKey("pixel_scale")) {
            scaleSrc = "catalog column pixel_scale";
        } else {
            OptionalDouble s = headerPixelScale(file, img);
            scaleSrc = img.keywords().containsKey("PIXSCALE") ? "header PIXSCALE"
                    : img.keywords().containsKey("CD1_1") ? "header WCS CD matrix" : "header WCS CDELT1/2";
            if (s.isEmpty() && options.containsKey("pixel_scale")) {
                s = OptionalDouble.of(options.get("pixel_scale"));
                scaleSrc = "--data-option pixel_scale";
            }
            if (s.isPresent()) {
                cov.put("pixel_scale", s.getAsDouble());
            } else {
                scaleSrc = null;
            }
        }
        // PSF FWHM
        double fwhm;
        String psfSrc;
        boolean needsScale = false;
        if (cov.containsKey("psf_fwhm_pix")) {
            fwhm = cov.get("psf_fwhm_pix");
            psfSrc = "catalog column psf_fwhm_pix";
        } else if (cov.containsKey("psf_fwhm_arcsec")) {
            fwhm = cov.get("psf_fwhm_arcsec");
            psfSrc = "catalog column psf_fwhm_arcsec";
            needsScale = true;
        } else {
            fwhm = Double.NaN;
            psfSrc = null;
            for (String key : List.of("PSFFWHM", "FWHM", "PSF_FWHM", "SEEING")) {
                OptionalDouble v = positive(file, img, key, false);
                if (v.isPresent()) {
                    fwhm = v.getAsDouble();
                    psfSrc = "header " + key;
                    needsScale = key.equals("PSF_FWHM") || key.equals("SEEING");
                    break;
                }
            }
            if (psfSrc == null && psfFile != null) {
                fwhm = psfFileFwhm();
                psfSrc = psfFile.getFileName() + " (second moments)";
            }
            if (psfSrc == null && options.containsKey("psf_fwhm_pix")) {
                fwhm = options.get("psf_fwhm_pix");
                psfSrc = "--data-option psf_fwhm_pix";
            } else if (psfSrc == null && options.containsKey("psf_fwhm_arcsec")) {
                fwhm = options.get("psf_fwhm_arcsec");
                psfSrc = "--data-option psf_fwhm_arcsec";
                needsScale = true;
            }
        }
        if (psfSrc == null) {
            fwhm = AstroDataLoader.defaultFwhmPix();
            psfAssumed++;
        } else {
            if (needsScale) {
                double scale;
                if (scaleSrc != null) {
                    scale = cov.get("pixel_scale");
                    scaleFrom.merge(scaleSrc, 1, Integer::sum);
                } else {
                    scale = Psf.SDSS_PIXEL_SCALE;
                    scaleAssumed++;
                }
                fwhm /= scale;
                psfSrc += " (arcsec)";
            }
            if (!(fwhm > 0 && fwhm <= size / 4.0)) {
                throw BadInputException.at(file, row.isEmpty() ? "HDU " + img.hdu() : row, "PSF FWHM from " + psfSrc + " is "
                        + String.format(Locale.ROOT, "%.3g", fwhm) + " pixels; expected (0, " + size / 4 + "] for " + size
                        + "-pixel images (FWHM in arcsec needs the pixel scale)");
            }
            psfFrom.merge(psfSrc, 1, Integer::sum);
        }
        cov.put("psf_fwhm_pix", fwhm);
        cov.remove("psf_fwhm_arcsec");
        minFwhm = Math.min(minFwhm, fwhm);
        maxFwhm = Math.max(maxFwhm, fwhm);
        cov.putIfAbsent("pixel_scale", Psf.SDSS_PIXEL_SCALE);
        // profile
        if (!cov.containsKey("psf_type")) {
            String t = img.keywords().get("PSFTYPE");
            if ((t == null || t.isBlank()) && options.containsKey("psf_type")) {
                t = Psf.Kind.ofCode(options.get("psf_type")).name();
            }
            try {
                cov.put("psf_type", (double) Psf.Kind.parse(t == null || t.isBlank() ? "gaussian" : t.trim()).code());
            } catch (IllegalArgumentException e) {
                throw BadInputException.at(file, "HDU " + img.hdu() + ", keyword PSFTYPE", e.getMessage());
            }
        }
        if (!cov.containsKey("moffat_beta")) {
            double beta = positive(file, img, "MOFFBETA", false).orElse(options.getOrDefault("moffat_beta", Psf.DEFAULT_BETA));
            if (!(beta > 1)) {
                throw BadInputException.at(file, "HDU " + img.hdu() + ", keyword MOFFBETA", "expected a Moffat beta > 1, got " + beta);
            }
            cov.put("moffat_beta", beta);
        }
        // sky
        if (cov.containsKey("sky_sigma")) {
            skyFrom.merge("catalog column sky_sigma", 1, Integer::sum);
        } else {
            OptionalDouble s = positive(file, img, "SKYSIG", false);
            if (s.isPresent()) {
                cov.put("sky_sigma", s.getAsDouble());
                skyFrom.merge("header SKYSIG", 1, Integer::sum);
            } else if (options.containsKey("sky_sigma")) {
                cov.put("sky_sigma", options.get("sky_sigma"));
                skyFrom.merge("--data-option sky_sigma", 1, Integer::sum);
            } else {
                cov.put("sky_sigma", AstroDataLoader.measuredSigma(cond, size));
                skyFrom.merge("the image (robust noise estimate)", 1, Integer::sum);
            }
        }
        if (!cov.containsKey("downsample")) {
            OptionalDouble ds = positive(file, img, "DOWNSAMP", false);
            double v = ds.orElse(1);
            if (v != Math.rint(v)) {
                throw BadInputException.at(file, "HDU " + img.hdu() + ", keyword DOWNSAMP", "expected a positive integer, got " + v);
            }
            cov.put("downsample", v);
        }
    }

    /** @return one line per source of each instrument quantity, with the number of samples */
    List<String> notes(int n) {
        List<String> out = new ArrayList<>();
        psfFrom.forEach((src, k) -> out.add("PSF FWHM of " + k + " of " + n + " samples from " + src));
        if (!psfFrom.isEmpty()) {
            out.add(String.format(Locale.ROOT, "PSF FWHM used: %.2f to %.2f pixels", minFwhm, maxFwhm));
        }
        scaleFrom.forEach((src, k) -> out.add("pixel scale of " + k + " of " + n + " samples from " + src));
        skyFrom.forEach((src, k) -> out.add("sky sigma of " + k + " of " + n + " samples from " + src));
        return out;
    }

    /** @return the assumptions made, naming what would have replaced them; empty when the data said everything */
    List<String> assumptions(int n) {
        List<String> out = new ArrayList<>();
        if (psfAssumed > 0) {
            out.add(String.format(Locale.ROOT, "PSF assumed, not read: Gaussian FWHM %.2f px (the simulator's default, %.1f\" at "
                    + "%.3f\"/px) for %d of %d samples; the data gives no catalog psf_fwhm_pix/psf_fwhm_arcsec, no header "
                    + "PSFFWHM/FWHM/PSF_FWHM/SEEING, no psf.fits and no --data-option psf_fwhm_pix", AstroDataLoader.defaultFwhmPix(), Psf.GALAXYGAN_FWHM_ARCSEC,
                    Psf.SDSS_PIXEL_SCALE, psfAssumed, n));
        }
        if (scaleAssumed > 0) {
            out.add(String.format(Locale.ROOT, "pixel scale assumed, not read: %.3f\"/px (SDSS) to convert the PSF FWHM from arcsec "
                    + "for %d of %d samples; the data gives no catalog pixel_scale and no header PIXSCALE, CD1_1..CD2_2 or CDELT1/2",
                    Psf.SDSS_PIXEL_SCALE, scaleAssumed, n));
        }
        return out;
    }

    private double psfFileFwhm() {
        if (Double.isNaN(psfFileFwhm)) {
            psfFileFwhm = measureFwhm(psfFile, FitsIO.read(psfFile));
        }
        return psfFileFwhm;
    }

    /** Gaussian-equivalent FWHM of a PSF image (first band) from the second moments of its positive pixels. */
    static double measureFwhm(Path file, FitsImage psf) {
        int w = psf.width();
        int h = psf.height();
        float[] v = psf.data();
        double s = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double p = v[y * w + x];
                if (p > 0) {
                    s += p;
                    sx += p * x;
                    sy += p * y;
                }
            }
        }
        if (!(s > 0)) {
            throw BadInputException.at(file, "HDU " + psf.hdu(), "the PSF image has no positive pixel; expected a PSF stamp");
        }
        double cx = sx / s;
        double cy = sy / s;
        double m2 = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double p = v[y * w + x];
                if (p > 0) {
                    m2 += p * ((x - cx) * (x - cx) + (y - cy) * (y - cy));
                }
            }
        }
        double var = m2 / s / 2 - 1.0 / 12;
        if (!(var > 0)) {
            throw BadInputException.at(file, "HDU " + psf.hdu(), "the PSF image is narrower than a pixel; expected a resolved PSF stamp");
        }
        return 2 * Math.sqrt(2 * Math.log(2)) * Math.sqrt(var);
    }

    /** The header's pixel scale in arcsec: {@code PIXSCALE}, else the WCS ({@link #wcsScale}); empty when neither is there. */
    static OptionalDouble headerPixelScale(Path file, FitsImage img) {
        OptionalDouble s = positive(file, img, "PIXSCALE", false);
        return s.isPresent() ? s : wcsScale(file, img);
    }

    /** The WCS pixel scale in arcsec: {@code √|det CD|} or {@code √|CDELT1·CDELT2|}, degrees → arcsec. */
    private static OptionalDouble wcsScale(Path file, FitsImage img) {
        Map<String, String> k = img.keywords();
        if (k.containsKey("CD1_1")) {
            double a = number(file, img, "CD1_1");
            double b = k.containsKey("CD1_2") ? number(file, img, "CD1_2") : 0;
            double c = k.containsKey("CD2_1") ? number(file, img, "CD2_1") : 0;
            double d = k.containsKey("CD2_2") ? number(file, img, "CD2_2") : 0;
            double det = Math.abs(a * d - b * c);
            if (!(det > 0)) {
                throw BadInputException.at(file, "HDU " + img.hdu() + ", keywords CD1_1..CD2_2", "singular WCS matrix; expected a pixel scale");
            }
            return OptionalDouble.of(Math.sqrt(det) * 3600);
        }
        if (k.containsKey("CDELT1") || k.containsKey("CDELT2")) {
            double a = Math.abs(number(file, img, k.containsKey("CDELT1") ? "CDELT1" : "CDELT2"));
            double b = Math.abs(number(file, img, k.containsKey("CDELT2") ? "CDELT2" : "CDELT1"));
            if (!(a > 0 && b > 0)) {
                throw BadInputException.at(file, "HDU " + img.hdu() + ", keyword CDELT1/2", "expected non-zero pixel increments");
            }
            return OptionalDouble.of(Math.sqrt(a * b) * 3600);
        }
        return OptionalDouble.empty();
    }

    private static double number(Path file, FitsImage img, String key) {
        String v = img.keywords().get(key);
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw BadInputException.at(file, "HDU " + img.hdu() + ", keyword " + key, "expected a finite number, got '" + v + "'");
    }

    /**
     * @return the keyword as a number when present; empty when absent
     * @throws BadInputException when it is present but not a finite number {@code > 0} ({@code >= 0} with {@code allowZero})
     */
    static OptionalDouble positive(Path file, FitsImage img, String key, boolean allowZero) {
        if (!img.keywords().containsKey(key)) {
            return OptionalDouble.empty();
        }
        double d = number(file, img, key);
        if (allowZero ? d < 0 : d <= 0) {
            throw BadInputException.at(file, "HDU " + img.hdu() + ", keyword " + key, "expected a value " + (allowZero ? ">= 0" : "> 0")
                    + ", got " + d);
        }
        return OptionalDouble.of(d);
    }
}
