package org.realitycheck.astro.fits;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Provenance;

/**
 * Reads and writes FITS images.
 *
 * <p>Reading accepts every image HDU (primary or IMAGE extension) with NAXIS 2 (an image) or 3 (a cube
 * of bands); BITPIX 8, 16, 32, 64, −32 or −64. Integer data becomes {@code BZERO + BSCALE·raw}, and raw
 * values equal to BLANK become NaN. A file is rejected with a {@link BadInputException} that names the
 * file and HDU when it is not FITS, is truncated, has no image HDU, has an image of the wrong
 * dimensionality, or has no finite pixel.
 *
 * <p>Writing stores float32 (BITPIX −32), bit-exact, with {@code ORIGIN} and {@code RCVERS} (tool
 * version) and then the given keywords in their iteration order, and nothing that depends on the run
 * (the library's date comment on SIMPLE is replaced), so the same image gives the same bytes; into a
 * temporary file that is then renamed over the target.
 */
public final class FitsIO {
    private static final int MAX_AXIS = 1 << 15;
    /** The BITPIX values the FITS standard allows (Pence et al. 2010, A&amp;A 524, A42, table 8). */
    public static final List<Integer> LEGAL_BITPIX = List.of(8, 16, 32, 64, -32, -64);
    /**
     * Header keywords kept in {@link FitsImage#keywords()}, in this order: identification, our own
     * instrument cards, and the instrument cards survey pipelines write (PSF_FWHM, SEEING, FWHM; the WCS
     * pixel scale CDELTi / CDi_j; SKYSIG) that {@code AstroDataLoader} reads.
     */
    public static final List<String> KEPT = List.of("OBJECT", "EXTNAME", "BUNIT", "RC_ID", "RC_KIND", "RC_ROLE", "OBJTYPE",
            "PIXSCALE", "PSFTYPE", "PSFFWHM", "MOFFBETA", "PSF_FWHM", "SEEING", "FWHM", "CDELT1", "CDELT2", "CD1_1", "CD1_2",
            "CD2_1", "CD2_2", "SKYSIG", "REDSHIFT", "DOWNSAMP");

    private FitsIO() {
    }

    /**
     * Reads the first image HDU that holds data.
     *
     * @throws BadInputException when the file is malformed (see the class comment)
     */
    public static FitsImage read(Path file) {
        List<FitsImage> all = readAll(file);
        return all.get(0);
    }

    /**
     * Reads every image HDU that holds data, in file order (empty primary HDUs are skipped).
     *
     * @return at least one image
     * @throws BadInputException when the file is malformed or has no image
     */
    public static List<FitsImage> readAll(Path file) {
        checkSignature(file);
        List<FitsImage> out = new ArrayList<>();
        int index = -1;
        try (Fits fits = new Fits(file.toFile())) {
            while (true) {
                BasicHDU<?> hdu;
                index++;
                try {
                    hdu = fits.readHDU();
                } catch (EOFException e) {
                    throw truncated(file, index, e);
                }
                if (hdu == null) {
                    break;
                }
                if (!(hdu instanceof ImageHDU img)) {
                    continue;
                }
                int[] axes = img.getAxes();
                if (axes == null || axes.length == 0) {
                    continue;
                }
                out.add(convert(file, index, img, axes));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw truncated(file, index, e);
        }
        if (out.isEmpty()) {
            throw BadInputException.at(file, "all HDUs", "no image data: expected a 2-D image or a 3-D cube in some HDU");
        }
        return out;
    }

    private static BadInputException truncated(Path file, int hdu, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return BadInputException.at(file, "HDU " + Math.max(hdu, 0),
                "unreadable or truncated FITS data (" + why.lines().findFirst().orElse(why) + ")", e);
    }

    private static void checkSignature(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "", "no such file");
        }
        byte[] head = new byte[80];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        }
        String card = new String(head, 0, n, StandardCharsets.US_ASCII);
        if (n < 80 || !card.startsWith("SIMPLE  =") || card.substring(10, 30).trim().indexOf('T') < 0) {
            throw BadInputException.at(file, "HDU 0", "not a FITS file: expected the first card to be 'SIMPLE  = T'");
        }
        checkPrimaryBitpix(file);
        try {
            long size = Files.size(file);
            if (size % 2880 != 0) {
                throw BadInputException.at(file, "", "truncated FITS file: " + size + " bytes is not a multiple of 2880");
            }
            checkNaxis(file, size);
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Walks every header (2880-byte blocks of 80-byte cards up to END) and refuses an NAXIS outside
     * the standard's [0, 999] (FITS 4.0, section 4.4.1.1) before nom-tam-fits allocates an axis array
     * of that length (NAXIS = 2147483647 ran out of memory; found by fuzzing). The data between
     * headers is skipped by its declared size; a walk that leaves the file stops, and the reader
     * reports the truncation.
     */
    private static void checkNaxis(Path file, long size) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long pos = 0;
            for (int hdu = 0; pos < size && hdu < 1000; hdu++) {
                long naxis = 0;
                long product = 1;
                long bitpix = 8;
                boolean end = false;
                java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(2880);
                for (int blocks = 0; !end && pos < size && blocks < 10_000; blocks++) {
                    block.clear();
                    if (ch.read(block, pos) < 2880) {
                        return;
                    }
                    pos += 2880;
                    for (int c = 0; c < 36 && !end; c++) {
                        String card = new String(block.array(), c * 80, 80, StandardCharsets.US_ASCII);
                        String key = card.substring(0, 8).trim();
                        end = key.equals("END");
                        if (card.startsWith("=", 8) && (key.equals("NAXIS") || key.equals("BITPIX") || key.startsWith("NAXIS"))) {
                            String v = card.substring(10).split("/", 2)[0].trim();
                            long n;
                            try {
                                n = Long.parseLong(v);
                            } catch (NumberFormatException e) {
                                continue; // nom-tam-fits reports it
                            }
                            if (key.equals("NAXIS") && (n < 0 || n > 999)) {
                                throw BadInputException.at(file, "HDU " + hdu + " NAXIS", "expected 0 to 999 axes, got " + n);
                            } else if (key.equals("NAXIS")) {
                                naxis = n;
                            } else if (key.equals("BITPIX")) {
                                bitpix = n;
                            } else if (n > 0) {
                                try {
                                    product = Math.multiplyExact(product, n);
                                } catch (ArithmeticException e) {
                                    return; // beyond any file: the reader's own limits report it
                                }
                            }
                        }
                    }
                }
                long data = naxis == 0 ? 0 : product * (Math.abs(bitpix) / 8);
                if (data < 0 || data > size) {
                    return; // truncated or nonsense: the reader reports it
                }
                pos += (data + 2879) / 2880 * 2880;
            }
        }
    }

    /** The primary header's second card must be a legal BITPIX (FITS 4.0 §4.4.1.1); checked before the library reads. */
    private static void checkPrimaryBitpix(Path file) {
        byte[] card = new byte[80];
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(80);
            if (in.readNBytes(card, 0, 80) < 80) {
                return; // the size check reports the truncation
            }
        } catch (IOException e) {
            return;
        }
        String c = new String(card, StandardCharsets.US_ASCII);
        if (!c.startsWith("BITPIX  =")) {
            throw BadInputException.at(file, "HDU 0, card 2", "expected the BITPIX keyword, got '" + c.substring(0, 8).trim() + "'");
        }
        String v = c.substring(10, Math.max(10, c.indexOf('/') > 10 ? c.indexOf('/') : 80)).trim();
        int bitpix;
        try {
            bitpix = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw BadInputException.at(file, "HDU 0, keyword BITPIX", "expected an integer, got '" + v + "'");
        }
        if (!LEGAL_BITPIX.contains(bitpix)) {
            throw BadInputException.at(file, "HDU 0, keyword BITPIX", "illegal value " + bitpix + "; expected one of " + LEGAL_BITPIX);
        }
    }

    private static FitsImage convert(Path file, int index, ImageHDU hdu, int[] axes) throws FitsException {
        String where = "HDU " + index;
        int bitpix = hdu.getHeader().getIntValue("BITPIX", 0);
        if (!LEGAL_BITPIX.contains(bitpix)) {
            throw BadInputException.at(file, where + ", keyword BITPIX", "illegal value " + bitpix + "; expected one of " + LEGAL_BITPIX);
        }
        if (axes.length != 2 && axes.length != 3) {
            throw BadInputException.at(file, where, "expected a 2-D image or a 3-D cube (NAXIS 2 or 3), got NAXIS=" + axes.length);
        }
        // nom-tam-fits gives axes slowest first: [NAXIS3,] NAXIS2, NAXIS1
        int bands = axes.length == 3 ? axes[0] : 1;
        int h = axes[axes.length - 2];
        int w = axes[axes.length - 1];
        for (int a : axes) {
            if (a < 1 || a > MAX_AXIS) {
                throw BadInputException.at(file, where, "axis length " + a + " out of range [1, " + MAX_AXIS + "]");
            }
        }
        // the axis product bounds what reading allocates (bands × h × w floats), checked before any allocation:
        // 2^26 values (256 MiB as float32) is a 8192 × 8192 image; a file must also hold the data its header declares
        final long maxValues = 1L << 26;
        long values = (long) bands * h * w;
        if (values > maxValues) {
            throw BadInputException.at(file, where, "image of " + values + " values (NAXIS product) is above the limit of "
                    + maxValues + " values (FitsIO's image-size limit)");
        }
        long dataBytes = values * Math.abs(hdu.getHeader().getIntValue("BITPIX", 32)) / 8;
        long fileBytes = file.toFile().length();
        if (dataBytes > fileBytes) {
            throw BadInputException.at(file, where, "truncated: the header declares " + dataBytes + " bytes of data (NAXIS "
                    + "product × |BITPIX|/8) but the file holds " + fileBytes + " bytes");
        }
        Header hdr = hdu.getHeader();
        double bscale = hdr.getDoubleValue("BSCALE", 1.0);
        double bzero = hdr.getDoubleValue("BZERO", 0.0);
        boolean hasBlank = hdr.containsKey("BLANK");
        long blank = hasBlank ? hdr.getLongValue("BLANK") : 0;
        Object kernel = hdu.getKernel();
        if (kernel == null) {
            throw BadInputException.at(file, where, "image data missing (truncated file?)");
        }
        float[] out = new float[bands * h * w];
        int[] pos = {0};
        flatten(kernel, out, pos, bscale, bzero, hasBlank, blank);
        if (pos[0] != out.length) {
            throw BadInputException.at(file, where, "image data holds " + pos[0] + " values, header says " + out.length);
        }
        boolean anyFinite = false;
        for (float v : out) {
            if (Float.isFinite(v)) {
                anyFinite = true;
                break;
            }
        }
        if (!anyFinite) {
            throw BadInputException.at(file, where, "every pixel is NaN, infinite or BLANK: expected some finite data");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String k : KEPT) {
            if (hdr.containsKey(k)) {
                String v = hdr.getStringValue(k);
                if (v == null) {
                    v = String.valueOf(hdr.getDoubleValue(k, Double.NaN));
                }
                keys.put(k, v.trim());
            }
        }
        return new FitsImage(out, bands, h, w, index, keys);
    }

    private static void flatten(Object a, float[] out, int[] pos, double bscale, double bzero, boolean hasBlank, long blank) {
        if (a instanceof Object[] arr) {
            for (Object o : arr) {
                flatten(o, out, pos, bscale, bzero, hasBlank, blank);
            }
            return;
        }
        int p = pos[0];
        boolean identity = bscale == 1.0 && bzero == 0.0;
        if (a instanceof float[] f && identity) {
            // bit-exact: 0.0 + (−0.0) would turn −0 into +0
            System.arraycopy(f, 0, out, p, f.length);
            p += f.length;
        } else if (a instanceof float[] f) {
            for (float v : f) {
                out[p++] = (float) (bzero + bscale * v);
            }
        } else if (a instanceof double[] d) {
            for (double v : d) {
                out[p++] = (float) (bzero + bscale * v);
            }
        } else if (a instanceof short[] s) {
            for (short v : s) {
                out[p++] = hasBlank && v == blank ? Float.NaN : (float) (bzero + bscale * v);
            }
        } else if (a instanceof int[] s) {
            for (int v : s) {
                out[p++] = hasBlank && v == blank ? Float.NaN : (float) (bzero + bscale * v);
            }
        } else if (a instanceof long[] s) {
            for (long v : s) {
                out[p++] = hasBlank && v == blank ? Float.NaN : (float) (bzero + bscale * v);
            }
        } else if (a instanceof byte[] s) {
            for (byte v : s) {
                int u = v & 0xFF; // FITS bytes are unsigned
                out[p++] = hasBlank && u == blank ? Float.NaN : (float) (bzero + bscale * u);
            }
        } else {
            throw new IllegalStateException("unsupported FITS array type " + a.getClass().getSimpleName());
        }
        pos[0] = p;
    }

    /**
     * Writes a float32 image or cube (a primary HDU) atomically.
     *
     * @param file the target; its folder must exist
     * @param image the image; its keywords are written as header cards (numbers as numbers)
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, FitsImage image) throws IOException {
        Object data;
        int h = image.height();
        int w = image.width();
        float[] v = image.data();
        if (image.bands() == 1) {
            float[][] a = new float[h][w];
            for (int y = 0; y < h; y++) {
                System.arraycopy(v, y * w, a[y], 0, w);
            }
            data = a;
        } else {
            float[][][] a = new float[image.bands()][h][w];
            for (int b = 0; b < image.bands(); b++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(v, (b * h + y) * w, a[b][y], 0, w);
                }
            }
            data = a;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (Fits fits = new Fits()) {
                BasicHDU<?> hdu = Fits.makeHDU(data);
                Header hdr = hdu.getHeader();
                // the library comments SIMPLE with the current date: data files must not depend on the run
                nom.tam.fits.HeaderCard simple = hdr.findCard("SIMPLE");
                if (simple != null) {
                    simple.setComment("conforms to FITS standard");
                }
                hdr.addValue("ORIGIN", "realitycheck", "software that wrote this file");
                hdr.addValue("RCVERS", Provenance.toolVersion(), "realitycheck version");
                for (Map.Entry<String, String> e : image.keywords().entrySet()) {
                    String k = e.getKey();
                    String val = e.getValue();
                    try {
                        double d = Double.parseDouble(val);
                        hdr.addValue(k, d, "");
                    } catch (NumberFormatException nf) {
                        hdr.addValue(k, val, "");
                    }
                }
                fits.addHDU(hdu);
                Files.deleteIfExists(tmp);
                fits.write(tmp.toFile());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FitsException e) {
            throw new IOException(file + ": cannot write FITS: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
