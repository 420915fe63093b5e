package org.realitycheck.astro.fits;

import java.util.Map;
import java.util.Objects;

/**
 * One image read from (or to be written to) a FITS HDU: {@code bands × height × width} physical
 * values, row-major with x fastest (FITS NAXIS1 = width, NAXIS2 = height, NAXIS3 = bands), after
 * BSCALE/BZERO; missing pixels (BLANK or NaN) are NaN.
 *
 * @param data the values, {@code bands·height·width}, never null
 * @param bands number of bands, {@code >= 1}
 * @param height rows, {@code >= 1}
 * @param width columns, {@code >= 1}
 * @param hdu index of the HDU it came from (0 = primary); 0 for images to be written
 * @param keywords header keywords worth keeping (string values), never null; iteration order is kept
 */
public record FitsImage(float[] data, int bands, int height, int width, int hdu, Map<String, String> keywords) {
    public FitsImage {
        Objects.requireNonNull(data, "data");
        if (bands < 1 || height < 1 || width < 1 || (long) bands * height * width != data.length) {
            throw new IllegalArgumentException("data of " + data.length + " values does not match " + bands + "x" + height
                    + "x" + width);
        }
        // insertion order kept: the writer puts the cards in this order (byte-identical files for one seed)
        keywords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keywords));
    }

    /** A single-band image with no keywords. */
    public static FitsImage of(float[] data, int height, int width) {
        return new FitsImage(data, 1, height, width, 0, Map.of());
    }

    /** @return the number of NaN (missing) pixels */
    public int missing() {
        int n = 0;
        for (float v : data) {
            if (Float.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
