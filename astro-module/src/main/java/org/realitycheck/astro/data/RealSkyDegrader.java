package org.realitycheck.astro.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.realitycheck.astro.degrade.Background;
import org.realitycheck.astro.degrade.Degradation;
import org.realitycheck.astro.degrade.Psf;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingContent;

/**
 * Degrades a scientist's own high-resolution cut-outs the GalaxyGAN way (Schawinski et al. 2017, §2) and
 * writes the {@code simulate astro} layout ({@code realitycheck simulate astro --from DIR}): the truth is the
 * input image, the degraded image is {@code P ⊛ truth} plus white noise up to {@code sig} times the input's
 * own background σ ({@link Degradation#applyObserved}).
 *
 * <p><b>Input.</b> A folder of FITS cut-outs ({@code *.fits}, {@code *.fit}, {@code *.fts}; not
 * {@code psf.fits}), 1 or 3 bands, or a folder with a {@code catalog.csv} whose rows name {@code <id>.fits}
 * (its numeric columns become covariates, its text columns metadata, its {@code kind} the kind). Each image
 * is optionally rebinned by summing {@code rebin × rebin} blocks (flux is kept), then centre-cropped to
 * {@code size} (default: the largest power of two that fits); missing pixels (NaN, BLANK) become 0.
 *
 * <p><b>Recipe</b> (options, kebab-case; {@link #KEYS}):
 * <ul>
 *   <li>the added PSF: {@code psf} (gaussian, moffat), {@code moffat-beta}; its FWHM from {@code fwhm-pix}
 *       (output pixels), else {@code fwhm} (arcsec, through the pixel scale), else a {@code psf.fits} in the
 *       folder (its second-moment FWHM, in output pixels), else GalaxyGAN's 1.4″;</li>
 *   <li>{@code pixel-scale}: arcsec per output pixel; else the first image's header ({@code PIXSCALE}, the WCS
 *       {@code CD} matrix or {@code CDELT}) times {@code rebin}; else SDSS's 0.396″;</li>
 *   <li>{@code sig} (default 1.2): the degraded background σ is {@code sig·σ_orig}, σ_orig measured on each
 *       input ({@link Background#noiseSigma});</li>
 *   <li>{@code sigma-orig}: when given, each image is first scaled so that its measured σ_orig equals it (to put
 *       foreign units on the instrument's count scale); default: the input's own units;</li>
 *   <li>{@code held-out-fraction} (default 0.2): see below.</li>
 * </ul>
 *
 * <p><b>No leakage by construction.</b> An image's content hash is {@link TrainingContent#sha256(float[])} of its
 * truth; it goes to the held-out split when the first 64 bits of the hash, read as a fraction of 2⁶⁴, are below
 * {@code held-out-fraction}. Copies of one image therefore land in the same split, whatever their names, and the
 * split does not depend on the seed or on the other files. With a fraction strictly between 0 and 1 the output
 * holds {@code train/} and {@code held-out/}, each a full layout; with 0 or 1 the layout is written at the top.
 * The noise of each image is drawn from {@code seed} and its content hash, so the result does not depend on the
 * order of the files or on threads.
 *
 * <p><b>Provenance.</b> Every catalog row carries the text columns {@code origin} ({@code real}), {@code source}
 * (the input file), {@code source_folder_sha256} (the folder fingerprint: SHA-256 over the sorted names and
 * contents of the folder's files, {@link #folderSha256}), {@code content_sha256}, {@code split} and
 * {@code degradation}; {@code train --data} copies origin and fingerprint into the model's card.
 */
public final class RealSkyDegrader {
    /** The options {@link #degrade} accepts. */
    public static final List<String> KEYS = List.of("psf", "fwhm", "fwhm-pix", "moffat-beta", "pixel-scale", "sig", "sigma-orig",
            "rebin", "size", "held-out-fraction");
    /** Default fraction of the images held out. */
    public static final double DEFAULT_HELD_OUT = 0.2;

    private RealSkyDegrader() {
    }

    /** What {@link #degrade} wrote. */
    public record Summary(int images, int train, int heldOut, String folderSha256, String degradation) {
        /** One line for the user. */
        public String describe() {
            String where = train > 0 && heldOut > 0 ? " (folders train/ and held-out/)" : "";
            return String.format(Locale.ROOT, "degraded %d real images (%s; folder SHA-256 %s): %d train, %d held out%s",
                    images, degradation, folderSha256.substring(0, 16), train, heldOut, where);
        }
    }

    /** The parsed options. */
    private record Recipe(Psf.Kind kind, double fwhmPix, double fwhmArcsec, double beta, double pixelScale, double sig,
            double sigmaOrig, int rebin, int size, double heldOut) {
    }

    /**
     * @param from the folder of high-resolution FITS cut-outs
     * @param out an absent or empty folder for the layout
     * @param seed the seed of the added noise
     * @param options {@link #KEYS}, values as text
     * @throws BadInputException naming the file (and line) for bad input, or the option for a bad option
     * @throws IOException when the output cannot be written
     */
    public static Summary degrade(Path from, Path out, long seed, Map<String, String> options) throws IOException {
        Recipe r = parse(options);
        if (!Files.isDirectory(from)) {
            throw BadInputException.at(from, "", "--from: no such folder; expected a folder of FITS cut-outs");
        }
        List<Input> inputs = inputs(from);
        String folderSha = folderSha256(from);
        double scale = pixelScale(r, inputs.get(0).file());
        double fwhm = fwhmPix(r, from, scale);
        Psf psf = r.kind() == Psf.Kind.MOFFAT ? Psf.moffat(fwhm, r.beta()) : Psf.gaussian(fwhm);
        Degradation deg = Degradation.galaxyGan(psf, r.sig(), Double.NaN);
        String recipe = String.format(Locale.ROOT, "GalaxyGAN: %s PSF FWHM %.3f px (%.3f\" at %.4f\"/px), sig %s, rebin %d%s",
                r.kind().name().toLowerCase(Locale.ROOT), fwhm, fwhm * scale, scale, r.sig(), r.rebin(),
                Double.isNaN(r.sigmaOrig()) ? "" : ", scaled to sigma-orig " + r.sigmaOrig());
        Sample[] samples = new Sample[inputs.size()];
        boolean[] held = new boolean[inputs.size()];
        int[] side = new int[inputs.size()];
        RuntimeException[] failed = new RuntimeException[inputs.size()];
        IntStream.range(0, inputs.size()).parallel().forEach(i -> {
            try {
                prepareOne(i, inputs, r, fwhm, deg, scale, recipe, folderSha, seed, samples, held, side);
            } catch (RuntimeException e) {
                failed[i] = e;
            }
        });
        for (RuntimeException e : failed) {
            if (e != null) {
                // the first file's problem, whatever the threads did
                throw e;
            }
        }
        for (int i = 1; i < side.length; i++) {
            if (side[i] != side[0]) {
                throw BadInputException.at(inputs.get(i).file(), "", "cut-out of " + side[i] + " pixels after rebin and crop, but "
                        + inputs.get(0).file().getFileName() + " gives " + side[0] + "; set the size option or give cut-outs of one size");
            }
        }
        List<Sample> train = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            (held[i] ? test : train).add(samples[i]);
        }
        long[] shape = {samples[0].condition().length / ((long) side[0] * side[0]), side[0], side[0]};
        Files.createDirectories(out);
        if (!train.isEmpty() && !test.isEmpty()) {
            AstroDataWriter.write(new SampleSet(train, shape, shape), out.resolve("train"));
            AstroDataWriter.write(new SampleSet(test, shape, shape), out.resolve("held-out"));
        } else {
            AstroDataWriter.write(new SampleSet(List.of(samples), shape, shape), out);
        }
        return new Summary(samples.length, train.size(), test.size(), folderSha, recipe);
    }

    private static void prepareOne(int i, List<Input> inputs, Recipe r, double fwhm, Degradation deg, double scale,
            String recipe, String folderSha, long seed, Sample[] samples, boolean[] held, int[] side) {
        Input in = inputs.get(i);
        Prepared p = prepare(in.file(), r);
        side[i] = p.side();
        if (fwhm > p.side() / 4.0) {
            throw BadInputException.at(in.file(), "", String.format(Locale.ROOT,
                    "PSF FWHM %.2f px is wider than a quarter of the %d-pixel cut-out", fwhm, p.side()));
        }
        String hash = TrainingContent.sha256(p.truth());
        held[i] = unitFraction(hash) < r.heldOut();
        samples[i] = degradeOne(in, p, hash, held[i], deg, r, scale, recipe, folderSha, seed);
    }

    /** One input image and its catalog row, if any. */
    private record Input(Path file, String id, Optional<String> kind, Map<String, Double> numbers, Map<String, String> text) {
    }

    private static List<Input> inputs(Path from) {
        Path catalog = from.resolve("catalog.csv");
        List<Input> out = new ArrayList<>();
        if (Files.isRegularFile(catalog)) {
            Catalog cat = Catalog.read(catalog);
            for (Catalog.Row row : cat.rows()) {
                Path f = from.resolve(row.id() + ".fits");
                if (!Files.isRegularFile(f)) {
                    throw BadInputException.at(catalog, "line " + row.line(), "row '" + row.id() + "' has no image: expected " + f);
                }
                out.add(new Input(f, row.id(), row.kind(), row.numbers(), row.text()));
            }
        } else {
            Set<String> ids = new LinkedHashSet<>();
            for (Path f : fitsFiles(from)) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.lastIndexOf('.')).replaceAll("[^A-Za-z0-9._-]", "_");
                if (!ids.add(id)) {
                    throw BadInputException.at(f, "", "its id '" + id + "' (the file name, made file-name safe) is taken by another file");
                }
                out.add(new Input(f, id, Optional.empty(), Map.of(), Map.of()));
            }
        }
        if (out.isEmpty()) {
            throw BadInputException.at(from, "", "no FITS cut-outs (*.fits, *.fit, *.fts) and no catalog.csv rows");
        }
        return out;
    }

    private static List<Path> fitsFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && !n.equals("psf.fits") && (n.endsWith(".fits") || n.endsWith(".fit") || n.endsWith(".fts"));
            }).sorted().toList();
        } catch (IOException e) {
            throw BadInputException.at(dir, "", "cannot list folder: " + e.getMessage(), e);
        }
    }

    /**
     * The folder fingerprint: SHA-256 over the folder's regular files (not sub-folders) sorted by name, each as
     * its UTF-8 name, a zero byte, its length (8 bytes, big-endian) and its bytes.
     *
     * @throws BadInputException when a file cannot be read
     */
    public static String folderSha256(Path dir) {
        MessageDigest md = TrainingContent.digest();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw BadInputException.at(dir, "", "cannot list folder: " + e.getMessage(), e);
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(ByteBuffer.allocate(8).putLong(Files.size(f)).array());
                while (in.read(buf) >= 0) {
                    // the stream feeds the digest
                }
            } catch (IOException e) {
                throw BadInputException.at(f, "", "cannot read: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The truth image ready to degrade: bands × side × side, counts. */
    private record Prepared(float[] truth, int bands, int side, double[] sigmaNative, double scale, int missing) {
    }

    private static Prepared prepare(Path f, Recipe r) {
        FitsImage img = FitsIO.read(f);
        if (img.bands() != 1 && img.bands() != 3) {
            throw BadInputException.at(f, "HDU " + img.hdu(), "expected 1 or 3 bands, got " + img.bands());
        }
        int hb = img.height() / r.rebin();
        int wb = img.width() / r.rebin();
        int side = r.size() > 0 ? r.size() : Integer.highestOneBit(Math.max(1, Math.min(hb, wb)));
        if (side < 16 || side > Math.min(hb, wb)) {
            throw BadInputException.at(f, "HDU " + img.hdu(), String.format(Locale.ROOT,
                    "a %dx%d image rebinned by %d gives %dx%d, too small for a %d-pixel cut-out (at least 16)", img.width(),
                    img.height(), r.rebin(), wb, hb, Math.max(16, side)));
        }
        int nb = img.bands();
        float[] src = img.data();
        float[] truth = new float[nb * side * side];
        int y0 = (hb - side) / 2;
        int x0 = (wb - side) / 2;
        int missing = 0;
        for (int b = 0; b < nb; b++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double acc = 0;
                    for (int j = 0; j < r.rebin(); j++) {
                        int row = (y0 + y) * r.rebin() + j;
                        for (int i = 0; i < r.rebin(); i++) {
                            float v = src[(b * img.height() + row) * img.width() + (x0 + x) * r.rebin() + i];
                            if (Float.isNaN(v)) {
                                missing++;
                            } else if (Float.isInfinite(v)) {
                                throw BadInputException.at(f, "HDU " + img.hdu(), "infinite pixel value; expected finite values or NaN");
                            } else {
                                acc += v;
                            }
                        }
                    }
                    truth[(b * side + y) * side + x] = (float) acc;
                }
            }
        }
        int mid = nb / 2 * side * side;
        double s0 = Background.noiseSigma(truth, mid, side, side);
        if (!(s0 > 0)) {
            throw BadInputException.at(f, "HDU " + img.hdu(), "no background noise measurable (constant image?); expected an observed cut-out");
        }
        double scale = Double.isNaN(r.sigmaOrig()) ? 1 : r.sigmaOrig() / s0;
        double[] sig = new double[nb];
        for (int b = 0; b < nb; b++) {
            for (int i = b * side * side; i < (b + 1) * side * side; i++) {
                truth[i] = (float) (truth[i] * scale);
            }
            double s = Background.noiseSigma(truth, b * side * side, side, side);
            sig[b] = s > 0 ? s : s0 * scale;
        }
        return new Prepared(truth, nb, side, sig, scale, missing);
    }

    private static Sample degradeOne(Input in, Prepared p, String hash, boolean heldOut, Degradation deg, Recipe r,
            double pixelScale, String recipe, String folderSha, long seed) {
        int s = p.side();
        float[] degraded = new float[p.truth().length];
        SplittableRandom rnd = new SplittableRandom(seed ^ Long.parseUnsignedLong(hash.substring(0, 16), 16));
        double sky = 0;
        for (int b = 0; b < p.bands(); b++) {
            float[] band = java.util.Arrays.copyOfRange(p.truth(), b * s * s, (b + 1) * s * s);
            Degradation.Result res = deg.applyObserved(band, s, s, p.sigmaNative()[b], rnd);
            System.arraycopy(res.image(), 0, degraded, b * s * s, s * s);
            if (b == p.bands() / 2) {
                sky = res.noiseSigma();
            }
        }
        double flux = 0;
        for (int i = p.bands() / 2 * s * s; i < (p.bands() / 2 + 1) * s * s; i++) {
            flux += p.truth()[i];
        }
        Map<String, Double> cov = new LinkedHashMap<>(in.numbers());
        cov.putIfAbsent("flux", flux);
        cov.put("sky_sigma", sky);
        cov.put("sigma_orig", p.sigmaNative()[p.bands() / 2]);
        cov.put("sig", r.sig());
        cov.put("psf_type", (double) deg.psf().kind().code());
        cov.put("psf_fwhm_pix", deg.psf().fwhmPix());
        cov.put("moffat_beta", r.beta());
        cov.put("pixel_scale", pixelScale);
        cov.put("downsample", 1.0);
        cov.put("noise_type", 0.0);
        cov.put("bands", (double) p.bands());
        cov.put("rebin", (double) r.rebin());
        cov.put("flux_scale", p.scale());
        Map<String, String> meta = new LinkedHashMap<>(in.text());
        meta.put("origin", "real");
        meta.put("source", in.file().getFileName().toString());
        meta.put("source_folder_sha256", folderSha);
        meta.put("content_sha256", hash);
        meta.put("split", heldOut ? "held-out" : "train");
        meta.put("degradation", recipe);
        if (p.missing() > 0) {
            meta.put("missing_pixels", Integer.toString(p.missing()));
        }
        return new Sample(in.id(), in.kind().orElse("galaxy"), degraded, p.truth(), cov, meta);
    }

    /** @return the first 64 bits of a hex hash as a fraction in [0, 1) */
    static double unitFraction(String hexHash) {
        long v = Long.parseUnsignedLong(hexHash.substring(0, 16), 16);
        return (v >>> 11) * 0x1.0p-53;
    }

    private static double pixelScale(Recipe r, Path first) {
        if (!Double.isNaN(r.pixelScale())) {
            return r.pixelScale();
        }
        FitsImage img = FitsIO.read(first);
        OptionalDouble header = InstrumentReader.headerPixelScale(first, img);
        return header.isPresent() ? header.getAsDouble() * r.rebin() : Psf.SDSS_PIXEL_SCALE;
    }

    private static double fwhmPix(Recipe r, Path from, double scale) {
        if (!Double.isNaN(r.fwhmPix())) {
            return r.fwhmPix();
        }
        if (!Double.isNaN(r.fwhmArcsec())) {
            return r.fwhmArcsec() / scale;
        }
        Path psf = from.resolve("psf.fits");
        if (Files.isRegularFile(psf)) {
            return InstrumentReader.measureFwhm(psf, FitsIO.read(psf));
        }
        return Psf.GALAXYGAN_FWHM_ARCSEC / scale;
    }

    private static Recipe parse(Map<String, String> options) {
        Map<String, String> o = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(k)) {
                throw new BadInputException("unknown option '" + e.getKey() + "' for simulate astro --from; known options: "
                        + String.join(", ", KEYS));
            }
            o.put(k, e.getValue().trim());
        }
        Psf.Kind kind;
        try {
            kind = o.containsKey("psf") ? Psf.Kind.parse(o.get("psf")) : Psf.Kind.GAUSSIAN;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("option psf: " + e.getMessage(), e);
        }
        double fwhmPix = number(o, "fwhm-pix", Double.NaN, 0);
        double fwhm = number(o, "fwhm", Double.NaN, 0);
        double beta = number(o, "moffat-beta", Psf.DEFAULT_BETA, 1);
        double scale = number(o, "pixel-scale", Double.NaN, 0);
        double sig = number(o, "sig", Degradation.DEFAULT_SIG, 1 - 1e-12);
        double sigmaOrig = number(o, "sigma-orig", Double.NaN, 0);
        double rebin = number(o, "rebin", 1, 0);
        double size = number(o, "size", 0, 0);
        double held = number(o, "held-out-fraction", DEFAULT_HELD_OUT, -1e-300);
        if (rebin != Math.rint(rebin) || rebin > 64) {
            throw new BadInputException("option rebin must be an integer in [1, 64], got " + o.get("rebin"));
        }
        if (o.containsKey("size") && (size != Math.rint(size) || size < 16 || size > 512 || Integer.bitCount((int) size) != 1)) {
            throw new BadInputException("option size must be a power of two in [16, 512], got " + o.get("size"));
        }
        if (held > 1) {
            throw new BadInputException("option held-out-fraction must be in [0, 1], got " + o.get("held-out-fraction"));
        }
        return new Recipe(kind, fwhmPix, fwhm, beta, scale, sig, sigmaOrig, (int) rebin, (int) size, held);
    }

    /** A number above {@code lowerBound} (exclusive), or the default when absent. */
    private static double number(Map<String, String> o, String key, double def, double lowerBound) {
        String v = o.get(key);
        if (v == null) {
            return def;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadInputException("option " + key + " must be a number, got '" + v + "'", e);
        }
        if (!(d > lowerBound) || !Double.isFinite(d)) {
            throw new BadInputException("option " + key + " must be a finite number > " + (lowerBound < 0 ? "or = 0" : lowerBound)
                    + ", got '" + v + "'");
        }
        return d;
    }
}
