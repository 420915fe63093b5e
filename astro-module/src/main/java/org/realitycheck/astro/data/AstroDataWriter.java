package org.realitycheck.astro.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.realitycheck.astro.fits.FitsIO;
import org.realitycheck.astro.fits.FitsImage;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.io.AtomicFiles;

/**
 * Writes an astro sample set in the {@code realitycheck simulate astro} layout (docs/data.md):
 * <pre>
 * DIR/catalog.csv          id,kind,subtype,redshift,flux,r_e,... (one row per sample; empty = not defined)
 * DIR/truth/&lt;id&gt;.fits     the truth image, float32, counts (only for samples with a target)
 * DIR/degraded/&lt;id&gt;.fits  the degraded image, float32, counts
 * </pre>
 * {@code r_e} is in pixels; every covariate of the samples becomes a column (see
 * {@link GalaxySimulator}), then every text metadata key; the catalog is written with commons-csv (RFC 4180
 * quoting). FITS headers carry RC_ID, RC_KIND, RC_ROLE, BUNIT and the instrument (PIXSCALE, PSFTYPE,
 * PSFFWHM in pixels, MOFFBETA, SKYSIG, REDSHIFT, DOWNSAMP) in this fixed order, with nothing that depends
 * on the run (no date), so the same samples give byte-identical files. Everything is written into a temporary
 * sibling folder that is renamed to {@code DIR} at the end, so a failed run leaves nothing behind.
 */
public final class AstroDataWriter {
    /** Covariates that come first in the catalog, in this order. */
    static final List<String> LEADING = List.of("redshift", "flux", "r_e", "r_e_kpc", "sersic_n", "q", "pa", "x0", "y0",
            "b_t", "luminosity");

    private AstroDataWriter() {
    }

    /**
     * @param set samples of shape {@code [bands, size, size]}, never null
     * @param dir the output folder; must not exist or be empty
     * @throws IOException when writing fails or {@code dir} holds files already
     */
    public static void write(SampleSet set, Path dir) throws IOException {
        long[] shape = set.conditionShape();
        if (shape.length != 3) {
            throw new IllegalArgumentException("astro samples need shape [bands, h, w], got " + java.util.Arrays.toString(shape));
        }
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IOException(target + ": exists and is not a folder");
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
                if (ds.iterator().hasNext()) {
                    throw new IOException(target + ": folder is not empty; refusing to overwrite");
                }
            }
        }
        AtomicFiles.writeFolder(target, tmp -> {
            Files.createDirectories(tmp.resolve("truth"));
            Files.createDirectories(tmp.resolve("degraded"));
            writeCatalog(set, tmp.resolve("catalog.csv"));
            int b = (int) shape[0];
            int h = (int) shape[1];
            int w = (int) shape[2];
            for (Sample s : set) {
                if (!s.id().matches("[A-Za-z0-9._-]+")) {
                    throw new IllegalArgumentException("sample id '" + s.id() + "' is not a safe file name ([A-Za-z0-9._-]+)");
                }
                Map<String, String> kw = keywords(s);
                kw.put("RC_ROLE", "degraded");
                FitsIO.write(tmp.resolve("degraded").resolve(s.id() + ".fits"), new FitsImage(s.condition(), b, h, w, 0, kw));
                if (s.hasTarget()) {
                    kw.put("RC_ROLE", "truth");
                    FitsIO.write(tmp.resolve("truth").resolve(s.id() + ".fits"),
                            new FitsImage(s.target().orElseThrow(), b, h, w, 0, kw));
                }
            }
        });
    }

    /** Header keywords for one sample's images. */
    static Map<String, String> keywords(Sample s) {
        Map<String, String> kw = new LinkedHashMap<>();
        kw.put("RC_ID", s.id());
        kw.put("RC_KIND", s.kind());
        kw.put("BUNIT", "counts");
        put(kw, "PIXSCALE", s, "pixel_scale");
        s.covariate("psf_type").ifPresent(v -> kw.put("PSFTYPE", v == 1 ? "moffat" : "gaussian"));
        put(kw, "PSFFWHM", s, "psf_fwhm_pix");
        put(kw, "MOFFBETA", s, "moffat_beta");
        put(kw, "SKYSIG", s, "sky_sigma");
        put(kw, "REDSHIFT", s, "redshift");
        put(kw, "DOWNSAMP", s, "downsample");
        return kw;
    }

    private static void put(Map<String, String> kw, String key, Sample s, String cov) {
        s.covariate(cov).ifPresent(v -> kw.put(key, Double.toString(v)));
    }

    private static void writeCatalog(SampleSet set, Path file) throws IOException {
        Set<String> cols = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> meta = new LinkedHashSet<>();
        for (Sample s : set) {
            seen.addAll(s.covariates().keySet());
            meta.addAll(s.metadata().keySet());
        }
        meta.remove("subtype");
        for (String c : LEADING) {
            if (seen.contains(c)) {
                cols.add(c);
            }
        }
        cols.addAll(seen);
        meta.removeAll(cols);
        List<String> header = new ArrayList<>(List.of("id", "kind", "subtype"));
        header.addAll(cols);
        header.addAll(meta);
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter p = new CSVPrinter(out, format)) {
            p.printRecord(header);
            for (Sample s : set) {
                List<String> row = new ArrayList<>(header.size());
                row.add(s.id());
                row.add(s.kind());
                row.add(s.metadata().getOrDefault("subtype", GalaxySimulator.injectionType(s)));
                for (String c : cols) {
                    Double v = s.covariates().get(c);
                    row.add(v != null && !v.isNaN() ? v.toString() : "");
                }
                for (String m : meta) {
                    row.add(s.metadata().getOrDefault(m, ""));
                }
                p.printRecord(row);
            }
        }
    }
}
