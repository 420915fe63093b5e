package org.realitycheck.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.realitycheck.core.BadInputException;

/**
 * Reads NumPy's {@code .npy} files (format versions 1–3), the arrays {@code numpy.save} writes: float32
 * or float64, little- or big-endian, C order. This is the whole format (NEP 1, "A simple file format for
 * NumPy arrays"): a magic string, a version, a Python-literal header dict and the raw data. ND4J has a
 * reader, but it parses in native code and reports a malformed file without naming what is wrong; this
 * one checks every field and names it.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * An array read from a file.
     *
     * @param shape its shape (a 0-d array has none)
     * @param data its values in C order, as float
     */
    public record Array(long[] shape, float[] data) {
        public Array {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** @return the first dimension (the number of samples), 1 for a 0-d array */
        public int rows() {
            return shape.length == 0 ? 1 : Math.toIntExact(shape[0]);
        }

        /** @return the shape without its first dimension */
        public long[] rowShape() {
            return shape.length == 0 ? new long[0] : Arrays.copyOfRange(shape, 1, shape.length);
        }
    }

    /**
     * @param file a {@code .npy} file
     * @return its values as float (float64 values are rounded to float)
     * @throws BadInputException naming the file and the field when it is missing, truncated, not an
     *     {@code .npy} file, Fortran-ordered, or of a type other than float32/float64
     */
    public static Array read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "", "no such file");
        }
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        }
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC)) {
            throw BadInputException.at(file, "", "not a NumPy .npy file (no \\x93NUMPY magic); write it with numpy.save");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int start;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw BadInputException.at(file, "header", "truncated");
            }
            headerLen = bb.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw BadInputException.at(file, "version", "format version " + major + " is unknown (1, 2 or 3 expected)");
        }
        if (start + headerLen > b.length) {
            throw BadInputException.at(file, "header", "truncated: " + headerLen + " header bytes announced, "
                    + (b.length - start) + " present");
        }
        String header = new String(b, start, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw BadInputException.at(file, "header", "expected 'descr', 'fortran_order' and 'shape', got " + header.strip());
        }
        if (f.group(1).equals("True")) {
            throw BadInputException.at(file, "fortran_order", "Fortran order is not supported; save a C-ordered array "
                    + "(numpy.ascontiguousarray)");
        }
        String kind = d.group(2);
        int width = Integer.parseInt(d.group(3));
        if (!kind.equals("f") || (width != 4 && width != 8)) {
            throw BadInputException.at(file, "descr", "type '" + d.group(1) + kind + width
                    + "' is not supported; expected float32 ('<f4') or float64 ('<f8')");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long[] shape = shape(file, s.group(1));
        long n = 1;
        for (long dim : shape) {
            n = Math.multiplyExact(n, dim);
        }
        long dataStart = start + headerLen;
        long expected = n * width;
        if (b.length - dataStart != expected) {
            throw BadInputException.at(file, "data", (b.length - dataStart < expected ? "truncated" : "trailing bytes")
                    + ": shape " + Arrays.toString(shape) + " of " + width + "-byte floats needs " + expected
                    + " bytes, the file has " + (b.length - dataStart));
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw BadInputException.at(file, "shape", "too large: " + n + " values");
        }
        float[] data = new float[(int) n];
        ByteBuffer body = ByteBuffer.wrap(b, (int) dataStart, (int) expected).slice().order(order);
        if (width == 4) {
            body.asFloatBuffer().get(data);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) body.getDouble(8 * i);
            }
        }
        return new Array(shape, data);
    }

    private static long[] shape(Path file, String tuple) {
        String[] parts = tuple.split(",");
        long[] out = new long[parts.length];
        int k = 0;
        for (String p : parts) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue; // "(5,)" and "()"
            }
            try {
                out[k] = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
            } catch (NumberFormatException e) {
                throw BadInputException.at(file, "shape", "not a tuple of integers: (" + tuple + ")", e);
            }
            if (out[k] < 0) {
                throw BadInputException.at(file, "shape", "negative dimension in (" + tuple + ")");
            }
            k++;
        }
        return Arrays.copyOf(out, k);
    }
}
